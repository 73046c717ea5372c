package dev.tlswatch.endpoint;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads one endpoint as {@link EndpointDetails} in one plain query, tags included: every
 * scan reads its endpoint several times (the firing, the judge, the alert rules), and
 * loading the entity through the repository cost several times as much. The columns are
 * those {@link Endpoint} maps; {@code EndpointReadsIntegrationTests} keeps both readings
 * equal.
 */
@Component
class EndpointReads {

	private static final String FIND = """
			select e.id, e.host, e.port, e.tls_mode, e.sni_name, e.scan_interval_minutes, e.enabled, e.created_at,
			    e.updated_at, e.connect_address, e.trust_bundle, e.client_certificate,
			    e.client_key is not null as client_key_configured,
			    array(select t.tag from endpoint_tag t where t.endpoint_id = e.id) as tags
			from endpoint e where e.id = ?
			""";

	private final JdbcTemplate jdbc;

	EndpointReads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<EndpointDetails> find(long id) {
		return this.jdbc.query(FIND, (row, n) -> details(row), id).stream().findFirst();
	}

	private static EndpointDetails details(ResultSet row) throws SQLException {
		return new EndpointDetails(row.getLong("id"), row.getString("host"), row.getInt("port"),
				TlsMode.valueOf(row.getString("tls_mode")), row.getString("sni_name"),
				row.getInt("scan_interval_minutes"), row.getBoolean("enabled"), tags(row.getArray("tags")),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(),
				new ConnectionOptions(row.getString("connect_address"), row.getString("trust_bundle"),
						row.getString("client_certificate"), row.getBoolean("client_key_configured")));
	}

	/** In the order the entity gives them: sorted as strings. */
	private static List<String> tags(Array array) throws SQLException {
		String[] tags = (String[]) array.getArray();
		Arrays.sort(tags);
		return List.of(tags);
	}

}
