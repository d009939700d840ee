package dev.kontor.itests;

import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * What every test class shares: one runtime per class (see {@link KontorOptions}), the
 * operator logged in over HTTP, and no module left behind or bundle left stopped by a test.
 */
public abstract class KontorTestSupport {

    protected BundleContext context;
    protected KontorRuntime runtime;
    protected Panel panel;

    @Configuration
    public Option[] configuration() {
        return KontorOptions.runtime(getClass());
    }

    @Before
    public void logIn() {
        context = FrameworkUtil.getBundle(getClass()).getBundleContext();
        runtime = new KontorRuntime(context);
        panel = Panel.loginAsAdmin(context);
    }

    @After
    public void uninstallModules() throws BundleException {
        runtime.uninstallInstalled();
        runtime.restartStopped();
    }
}
