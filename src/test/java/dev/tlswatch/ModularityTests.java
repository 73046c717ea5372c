package dev.tlswatch;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fixture.modulith.PlantedApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keeps the module boundaries of {@code ../shared/STYLE.md}: the Modulith rules (no
 * cycles, API packages only, declared dependencies), every top-level package declaring
 * what it may use, and a plain-Java probe engine.
 */
class ModularityTests {

	private static final String ROOT = TlsWatchApplication.class.getPackageName();

	/**
	 * Plain Java: it cannot carry Spring's annotation; {@link #probeEngineIsPlainJava}.
	 */
	private static final String PROBE = "probe";

	private final ApplicationModules modules = ApplicationModules.of(TlsWatchApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		this.modules.verify();
	}

	@Test
	void everyTopLevelPackageDeclaresItsAllowedDependencies() {
		Set<String> packages = topLevelPackages();
		assertThat(packages).contains("config", "endpoint", "scan", "finding", "alert", "notify", PROBE);
		for (String name : packages) {
			if (name.equals(PROBE)) {
				continue;
			}
			ApplicationModule module = declaration(name);
			assertThat(module).as("dev.tlswatch.%s/package-info.java declares @ApplicationModule", name).isNotNull();
			assertThat(module.type()).as("%s is not OPEN", name).isEqualTo(ApplicationModule.Type.CLOSED);
			assertThat(module.allowedDependencies()).as("%s lists its allowed dependencies", name)
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		}
	}

	@Test
	void configMayUseOnlyTheAccountModule() {
		assertThat(declaration("config").allowedDependencies()).containsExactly("account");
	}

	@Test
	void anUndeclaredImportLikeConfigToScanFailsTheVerification() {
		// The same verification on a planted tree: config declares account only and
		// imports scan.
		assertThatExceptionOfType(Violations.class)
			.isThrownBy(
					() -> ApplicationModules.of(PlantedApplication.class, (ImportOption) (location) -> true).verify())
			.withMessageContaining("config")
			.withMessageContaining("scan");
	}

	@Test
	void theDataFlowsOneWay() {
		assertThat(allowed("endpoint")).doesNotContain("scan", "finding", "alert", "notify");
		// notify knows nothing of the domain: it may use only the infrastructure modules.
		assertThat(allowed("notify")).isSubsetOf("schedule", "problem");
		assertThat(allowed("scan")).containsExactlyInAnyOrder("endpoint", PROBE);
		assertThat(allowed("finding")).doesNotContain("alert", "notify");
		assertThat(allowed("alert")).doesNotContain("api", "web");
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

	private static Set<String> topLevelPackages() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(ROOT);
		Set<String> names = new TreeSet<>();
		for (JavaClass type : classes) {
			String name = type.getPackageName();
			if (name.startsWith(ROOT + ".")) {
				names.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
			}
		}
		return names;
	}

	private static ApplicationModule declaration(String name) {
		try {
			return Class.forName(ROOT + "." + name + ".package-info").getAnnotation(ApplicationModule.class);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private static List<String> allowed(String name) {
		return Arrays.asList(declaration(name).allowedDependencies());
	}

}
