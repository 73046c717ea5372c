package dev.tlswatch.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the reference under {@code docs/} render as meant: code fences are
 * balanced, every relative link (and its {@code #anchor}) resolves, every {@code curl}
 * example carries credentials, and the README stays a front door.
 */
class DocsTests {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	/** {@code [label](target)} and {@code ![alt](target)}, outside code spans. */
	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#* *$");

	@Test
	void readmeIsAFrontDoorOfAtMost250Lines() throws IOException {
		List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
		assertThat(readme).hasSizeLessThanOrEqualTo(250);
		assertThat(String.join("\n", readme)).contains("./mvnw spring-boot:run", "./mvnw -B -ntp verify",
				"docs/screenshots/");
	}

	@Test
	void codeFencesAreBalanced() throws IOException {
		for (Path file : markdownFiles()) {
			int open = 0;
			for (String line : Files.readAllLines(file)) {
				if (line.stripLeading().startsWith("```")) {
					open ^= 1;
				}
			}
			assertThat(open).as("an unclosed code fence in %s", ROOT.relativize(file)).isZero();
		}
	}

	@Test
	void relativeLinksAndAnchorsResolve() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path file : markdownFiles()) {
			for (String target : links(file)) {
				if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
					continue; // http:, https:, mailto: — not ours to check offline
				}
				String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
				String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
				Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
				if (!Files.exists(linked)) {
					broken.add(ROOT.relativize(file) + ": " + target + " (no such file)");
				}
				else if (anchor != null && linked.toString().endsWith(".md") && !anchors(linked).contains(anchor)) {
					broken.add(ROOT.relativize(file) + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	@Test
	void everyCurlExampleCarriesCredentials() throws IOException {
		List<String> bare = new ArrayList<>();
		for (Path file : markdownFiles()) {
			boolean inCode = false;
			for (String line : Files.readAllLines(file)) {
				if (line.stripLeading().startsWith("```")) {
					inCode = !inCode;
					continue;
				}
				boolean command = inCode && line.matches("^\\s*(\\w+=\\$\\()?curl .*");
				if (command && !line.contains("-u ") && !line.contains("Authorization:")
						&& !line.contains("/actuator/health")) {
					bare.add(ROOT.relativize(file) + ": " + line.strip());
				}
			}
		}
		assertThat(bare).isEmpty();
	}

	private static List<Path> markdownFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(ROOT.resolve("README.md"));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		return files;
	}

	/** Link targets outside fenced code and inline code spans. */
	private static List<String> links(Path file) throws IOException {
		List<String> targets = new ArrayList<>();
		boolean inCode = false;
		for (String line : Files.readAllLines(file)) {
			if (line.stripLeading().startsWith("```")) {
				inCode = !inCode;
				continue;
			}
			if (inCode) {
				continue;
			}
			Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", ""));
			while (matcher.find()) {
				targets.add(matcher.group(1));
			}
		}
		return targets;
	}

	/** The anchors GitHub derives from a file's headings. */
	private static Set<String> anchors(Path file) throws IOException {
		Set<String> anchors = new HashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		boolean inCode = false;
		for (String line : Files.readAllLines(file)) {
			if (line.stripLeading().startsWith("```")) {
				inCode = !inCode;
				continue;
			}
			Matcher heading = HEADING.matcher(line);
			if (inCode || !heading.matches()) {
				continue;
			}
			String slug = heading.group(1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[`*_]|\\[|\\]|\\([^)]*\\)", "")
				.replaceAll("[^\\p{L}\\p{N} -]", "")
				.replace(' ', '-');
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

}
