package dev.kontor.itests;

import static org.junit.Assert.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * A module that is installed and uninstalled again and again leaves nothing behind:
 * once the framework has refreshed it away, its class loader can be collected, none of
 * its threads survive, and neither the loaded classes nor the threads of the JVM grow.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleLeakIT extends KontorTestSupport {

    private static final int CYCLES = 50;
    /** The first cycles load what the panel needs anyway (Jersey reloads, JIT, lambdas): measure from here. */
    private static final int WARM_UP_CYCLES = 10;
    /** Noise was about 30 classes over 40 cycles; a leaked hello module adds 5 per cycle, 200 over 40. */
    private static final int CLASS_SLACK = 100;
    /** Jetty's and the HTTP client's pools grow and shrink a little on their own. */
    private static final int THREAD_SLACK = 5;
    private static final String HELLO_PACKAGE = "dev.kontor.examples.hello.";

    @Test
    public void installingAndUninstallingAModuleFiftyTimesLeavesNoClassLoaderClassesOrThreadsBehind() throws BundleException {
        List<WeakReference<Class<?>>> modules = new ArrayList<>();
        Footprint warm = null;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            modules.add(installUseAndUninstall());
            if (cycle == WARM_UP_CYCLES) {
                warm = footprintOnceCollected(modules);
            }
        }
        Footprint last = footprintOnceCollected(modules);

        System.out.printf("Footprint after cycle %d: %s; after cycle %d: %s%n", WARM_UP_CYCLES, warm, CYCLES, last);
        assertTrue("loaded classes grew from " + warm.classes() + " to " + last.classes(),
                last.classes() - warm.classes() <= CLASS_SLACK);
        assertTrue("live threads grew from " + warm.threads() + " to " + last.threads(),
                last.threads() - warm.threads() <= THREAD_SLACK);
    }

    /**
     * One life of the hello module, with every contribution used once, so the panel has
     * touched its classes. Only a weak reference to one of them leaves this method.
     */
    private WeakReference<Class<?>> installUseAndUninstall() throws BundleException {
        Bundle hello = runtime.installAndStart(KontorOptions.HELLO_JAR);
        Await.until("GET /api/v1/hello to answer 200", () -> panel.get("/api/v1/hello").status(), status -> status == 200);
        assertTrue(panel.itemIds("/api/v1/menu").contains("hello.main"));
        assertTrue(panel.itemIds("/api/v1/permissions").contains("hello.greet"));
        WeakReference<Class<?>> resource;
        try {
            resource = new WeakReference<>(hello.loadClass(HELLO_PACKAGE + "internal.HelloResource"));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The hello bundle has no HelloResource", e);
        }

        runtime.uninstallInstalled();

        Await.until("GET /api/v1/hello to answer 404", () -> panel.get("/api/v1/hello").status(), status -> status == 404);
        List<String> threads = threadsOf(resource);
        assertTrue("threads of the uninstalled module still run: " + threads, threads.isEmpty());
        return resource;
    }

    /** Threads that run module code or carry its class loader. */
    private static List<String> threadsOf(WeakReference<Class<?>> moduleClass) {
        Class<?> type = moduleClass.get();
        ClassLoader loader = type == null ? null : type.getClassLoader();
        List<String> threads = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            boolean runsModuleCode = List.of(entry.getValue()).stream().anyMatch(frame -> frame.getClassName().startsWith(HELLO_PACKAGE));
            boolean carriesLoader = loader != null
                    && (thread.getContextClassLoader() == loader || thread.getClass().getClassLoader() == loader);
            if (runsModuleCode || carriesLoader) {
                threads.add(thread.getName());
            }
        }
        return threads;
    }

    /** Collects garbage until every uninstalled module's class is gone, then measures the JVM. */
    private Footprint footprintOnceCollected(List<WeakReference<Class<?>>> modules) {
        for (int attempt = 0; attempt < 20 && modules.stream().anyMatch(module -> module.get() != null); attempt++) {
            System.gc();
            Await.sleep(100);
        }
        List<Integer> alive = new ArrayList<>();
        for (int cycle = 0; cycle < modules.size(); cycle++) {
            if (modules.get(cycle).get() != null) {
                alive.add(cycle + 1);
            }
        }
        if (!alive.isEmpty()) {
            throw new AssertionError("The class loaders of the hello module of cycles " + alive + " were not collected;"
                    + " what holds them is in the heap dump " + dumpHeap());
        }
        return new Footprint(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /** A heap dump next to the run's data folder, to find out who holds the class loaders. */
    private String dumpHeap() {
        Path dump = Paths.get(context.getProperty("kontor.data")).resolveSibling("leak.hprof");
        try {
            Files.deleteIfExists(dump);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
            return dump.toString();
        } catch (IOException e) {
            return "(none: " + e + ")";
        }
    }

    private record Footprint(int classes, int threads) {
    }
}
