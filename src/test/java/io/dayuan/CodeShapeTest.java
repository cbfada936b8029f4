package io.dayuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.dayuan.shape.CodeShape;
import io.dayuan.shape.CodeShape.Source;

/**
 * The main code keeps the shape the README's "Code layout" sets (issue #11). A plain JUnit test: it reads the files
 * under {@code src/main/java}, no Quarkus boot. Each rule is proven on samples in {@code CodeShapeRulesTest}.
 */
class CodeShapeTest {

    private static List<Source> main;

    @BeforeAll
    static void readMainSources() {
        main = CodeShape.read(Path.of("src/main/java"));
        assertThat(main).as("the main sources (the test runs from the project's folder)").hasSizeGreaterThan(100);
    }

    @Test
    void noClassIsOver400Lines() {
        assertThat(CodeShape.longClasses(main)).isEmpty();
    }

    @Test
    void noServiceNestsLambdasDeeperThanThree() {
        assertThat(CodeShape.deepLambdasInServices(main)).isEmpty();
    }

    @Test
    void platformImportsNoFeature() {
        assertThat(CodeShape.platformReachingIntoFeatures(main)).isEmpty();
    }

    @Test
    void onlyPlatformClockReadsTheSystemClock() {
        assertThat(CodeShape.systemClockReads(main)).isEmpty();
    }

    @Test
    void transactionsAreDeclaredWithWithTransaction() {
        assertThat(CodeShape.panacheTransactions(main)).isEmpty();
    }

    @Test
    void configurationIsReadThroughConfigMappings() {
        assertThat(CodeShape.configProperties(main)).isEmpty();
    }
}
