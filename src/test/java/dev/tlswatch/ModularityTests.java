package dev.tlswatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the module boundaries of {@code ../shared/STYLE.md}: the Modulith rules (no
 * cycles, API packages only, declared dependencies) and a plain-Java probe engine.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TlsWatchApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		this.modules.verify();
	}

	@Test
	void probeEngineIsPlainJava() {
		JavaClasses probe = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.tlswatch.probe");
		noClasses().should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("java..", "javax..", "org.jspecify..", "org.slf4j..", "dev.tlswatch.probe..")
			.check(probe);
	}

}
