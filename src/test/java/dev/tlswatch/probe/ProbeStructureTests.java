package dev.tlswatch.probe;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the inside of the probe engine in order, beside {@code ModularityTests} (which
 * keeps it plain Java): interfaces and value types never name an implementation, only
 * {@link Probers} builds the engine, the wire probes do not borrow from the JSSE ones,
 * and a helper the engine shares exists once.
 */
class ProbeStructureTests {

	private static final JavaClasses tlswatch = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.tlswatch");

	private static final JavaClasses probe = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.tlswatch.probe");

	@Test
	void onlyProbersNamesAnImplementation() {
		noClasses().that()
			.resideInAPackage("dev.tlswatch.probe")
			.and()
			.doNotHaveSimpleName("Probers")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.tlswatch.probe.wire..", "dev.tlswatch.probe.jsse..", "dev.tlswatch.probe.grade..",
					"dev.tlswatch.probe.cert..", "dev.tlswatch.probe.starttls..")
			.because("interfaces and value types must not import their implementations; Probers builds the engine")
			.check(probe);
	}

	@Test
	void wireProbesDoNotUseTheJsseProbes() {
		noClasses().that()
			.resideInAPackage("dev.tlswatch.probe.wire..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.tlswatch.probe.jsse..")
			.because("what a wire probe needs of a JSSE handshake is passed in by Probers")
			.check(probe);
	}

	@Test
	void probeImportsNothingFromSpringJpaOrServlets() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..", "javax.servlet..",
					"org.hibernate..")
			.check(probe);
	}

	@Test
	void sharedHelpersExistOnce() {
		Map<String, List<String>> byName = tlswatch.stream()
			.filter((type) -> !type.isNestedClass() && !type.isAnonymousClass())
			.filter((type) -> List.of("HostNames", "Deadline", "SniNames").contains(type.getSimpleName()))
			.collect(Collectors.groupingBy(JavaClass::getSimpleName,
					Collectors.mapping(JavaClass::getName, Collectors.toList())));
		assertThat(byName).containsOnly(Map.entry("HostNames", List.of(HostNames.class.getName())),
				Map.entry("Deadline", List.of(Deadline.class.getName())));
	}

}
