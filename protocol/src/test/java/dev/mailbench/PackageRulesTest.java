package dev.mailbench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.wire.ClientSession;

/**
 * The direction of dependency inside {@code protocol} (DESIGN.md): {@code wire} at the bottom, the
 * protocol packages ({@code smtp}, {@code pop3}, {@code sasl}, {@code tls}) on it, {@code explain} and
 * {@code server} above them, the server reaching the mail store through its backend seam; {@code explain}
 * without {@code mime} ({@code retrieval} reads a RETR into {@code mime}); no package cycles. Main code
 * only: tests may reach across to set things up.
 */
@AnalyzeClasses(packages = "dev.mailbench", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    /** Top-level packages: wire, smtp, pop3, sasl, tls, explain, server, store, mime. */
    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("dev.mailbench.(*)..")
            .should().beFreeOfCycles();

    /** Every package on its own, so server ↔ server.smtp counts as a cycle too. */
    @ArchTest
    static final ArchRule noCyclesBetweenAnyPackages = slices().matching("dev.mailbench.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule protocolKnowsNoJavaFx = noClasses()
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("protocol is plain Java, usable headless by the CLI and the tests");

    @ArchTest
    static final ArchRule wireDependsOnNoOtherMailbenchPackage = noClasses()
            .that().resideInAPackage("dev.mailbench.wire..")
            .should().dependOnClassesThat(
                    resideInAPackage("dev.mailbench..").and(resideOutsideOfPackage("dev.mailbench.wire..")))
            .as("wire depends on no other mailbench package")
            .because("wire is the bottom layer: lines, framing and transcript events");

    @ArchTest
    static final ArchRule storeAndMimeKnowNoProtocolSession = noClasses()
            .that().resideInAnyPackage("dev.mailbench.store..", "dev.mailbench.mime..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.mailbench.smtp..", "dev.mailbench.pop3..", "dev.mailbench.server..",
                    "dev.mailbench.explain..")
            .because("the store is reached through the server's backend seam and mime reads bytes,"
                    + " neither knows who sent them");

    @ArchTest
    static final ArchRule saslAndTlsStandOnWireOnly = noClasses()
            .that().resideInAnyPackage("dev.mailbench.sasl..", "dev.mailbench.tls..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.mailbench.smtp..", "dev.mailbench.pop3..", "dev.mailbench.explain..",
                    "dev.mailbench.server..", "dev.mailbench.store..", "dev.mailbench.mime..")
            .because("SASL mechanisms and TLS upgrades are shared by both protocols and both sides");

    @ArchTest
    static final ArchRule protocolPackagesImportNothingFromAbove = noClasses()
            .that().resideInAnyPackage("dev.mailbench.smtp..", "dev.mailbench.pop3..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.mailbench.explain..", "dev.mailbench.server..", "dev.mailbench.store..",
                    "dev.mailbench.mime..")
            .because("the explainer and the server read the protocol packages, not the other way round");

    @ArchTest
    static final ArchRule smtpDoesNotUsePop3 = noClasses()
            .that().resideInAPackage("dev.mailbench.smtp..")
            .should().dependOnClassesThat().resideInAPackage("dev.mailbench.pop3..")
            .because("each protocol is defined once, in its own package");

    @ArchTest
    static final ArchRule pop3DoesNotUseSmtp = noClasses()
            .that().resideInAPackage("dev.mailbench.pop3..")
            .should().dependOnClassesThat().resideInAPackage("dev.mailbench.smtp..")
            .because("each protocol is defined once, in its own package");

    @ArchTest
    static final ArchRule explainDoesNotReachTheServerOrStore = noClasses()
            .that().resideInAPackage("dev.mailbench.explain..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mailbench.server..", "dev.mailbench.store..")
            .because("the explainer turns dialogues into sentences; it runs no server");

    @ArchTest
    static final ArchRule explainDoesNotReadMime = noClasses()
            .that().resideInAPackage("dev.mailbench.explain..")
            .should().dependOnClassesThat().resideInAPackage("dev.mailbench.mime..")
            .because("the explainer writes sentences about a dialogue; turning a RETR into a message to analyse"
                    + " is retrieval's, the one of the two that reads mime");

    @ArchTest
    static final ArchRule lessonsReadDialoguesNotTheServer = noClasses()
            .that().resideInAPackage("dev.mailbench.lesson..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mailbench.server..")
            .because("a lesson is checked from transcripts and a read-only view of the store, whoever ran the"
                    + " server (the window, serve, a teacher's machine): it says which settings it needs, it does"
                    + " not switch them");

    @ArchTest
    static final ArchRule nothingBelowReadsLessons = noClasses()
            .that().resideOutsideOfPackage("dev.mailbench.lesson..")
            .should().dependOnClassesThat().resideInAPackage("dev.mailbench.lesson..")
            .because("lessons sit on top of the protocol packages; only the app and the CLI read them");

    @ArchTest
    static final ArchRule serverDoesNotCallTheClient = noClasses()
            .that().resideInAPackage("dev.mailbench.server..")
            .should().dependOnClassesThat().areAssignableTo(ClientSession.class)
            .orShould().dependOnClassesThat().areAssignableTo(SmtpClientSession.class)
            .orShould().dependOnClassesThat().areAssignableTo(Pop3ClientSession.class)
            .because("what both sides need (an APOP digest, a SASL exchange) lives below both");

    /** A command sees its connection through its context interface and the roles it asks for, never whole. */
    @ArchTest
    static final ArchRule serverCommandsSeeTheirContextNotTheSession = noClasses()
            .that().implement("dev.mailbench.server.smtp.SmtpCommand")
            .or().implement("dev.mailbench.server.pop3.Pop3Command")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.mailbench.server.smtp.SmtpServerSession")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.mailbench.server.pop3.Pop3ServerSession")
            .because("commands, guards and fault wrappers take SmtpCommandContext or Pop3CommandContext,"
                    + " the narrow view of what a command may use");

    @ArchTest
    static final ArchRule caseIsChangedWithoutTheUsersLocale = noClasses()
            .should().callMethod(String.class, "toLowerCase")
            .orShould().callMethod(String.class, "toUpperCase")
            .because("protocol words are ASCII: in a Turkish locale \"quit\".toUpperCase() is \"QUİT\";"
                    + " say Locale.ROOT");
}
