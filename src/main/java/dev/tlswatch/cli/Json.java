package dev.tlswatch.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes JSON (RFC 8259) from maps, lists, strings, numbers, booleans and nulls. Every
 * string is escaped, whatever a scanned server put into it.
 */
final class Json {

	private Json() {
	}

	static String write(@Nullable Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	private static void append(StringBuilder out, @Nullable Object value) {
		switch (value) {
			case null -> out.append("null");
			case String text -> string(out, text);
			case Boolean bool -> out.append(bool);
			case Number number -> out.append(number);
			case Map<?, ?> map -> object(out, map);
			case List<?> list -> array(out, list);
			default -> string(out, value.toString());
		}
	}

	private static void object(StringBuilder out, Map<?, ?> map) {
		out.append('{');
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			string(out, String.valueOf(entry.getKey()));
			out.append(':');
			append(out, entry.getValue());
			if (entries.hasNext()) {
				out.append(',');
			}
		}
		out.append('}');
	}

	private static void array(StringBuilder out, List<?> list) {
		out.append('[');
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			append(out, list.get(i));
		}
		out.append(']');
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x2028 || c == 0x2029) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

}
