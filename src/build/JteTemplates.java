import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the Java sources of the jte templates (as jte-maven-plugin's {@code generate} goal does, with the same
 * settings) only when a template was added, changed or removed since the last generation. The plugin cleans and
 * rewrites every source on every build, which made the compiler recompile the whole application and its tests
 * each time; here an unchanged set of templates leaves the generated sources, and so the compiled classes, as they
 * are. Run by the build (pom.xml) with the compile classpath: {@code java JteTemplates.java <templates> <target>}.
 * A template that does not parse fails here; one that does not type-check fails the compile that follows.
 */
class JteTemplates {

    private static final String PACKAGE = "gg.jte.generated.precompiled";

    public static void main(String[] args) throws IOException {
        Path templates = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Path stamp = target.resolve(".templates");
        String now = fingerprint(templates);
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(now)) {
            System.out.println("jte: templates unchanged since the last generation; " + target + " left as it is");
            return;
        }
        long started = System.nanoTime();
        TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templates), target, ContentType.Html,
                null, PACKAGE);
        engine.setTrimControlStructures(true);
        Files.deleteIfExists(stamp);
        engine.cleanAll();
        List<String> generated = engine.generateAll();
        Files.createDirectories(target);
        Files.writeString(stamp, now);
        System.out.printf("jte: generated %d templates in %d ms into %s%n", generated.size(),
                (System.nanoTime() - started) / 1_000_000, target);
    }

    /** Every template's path, size and time, and the jte version: what the generated sources depend on. */
    private static String fingerprint(Path templates) throws IOException {
        try (Stream<Path> files = Files.walk(templates)) {
            return "jte " + TemplateEngine.class.getProtectionDomain().getCodeSource().getLocation() + ", trim, Html\n"
                    + files.filter(Files::isRegularFile).sorted().map(f -> {
                        try {
                            return templates.relativize(f) + " " + Files.size(f) + " "
                                    + Files.getLastModifiedTime(f).toMillis();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).collect(Collectors.joining("\n"));
        }
    }
}
