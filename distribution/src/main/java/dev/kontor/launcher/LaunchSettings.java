package dev.kontor.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/** What the panel starts with: command line over environment over defaults. */
record LaunchSettings(Path home, Path data, String host, int port, boolean help) {

    static final String USAGE = """
            Usage: bin/kontor [--port N] [--host ADDRESS] [--data DIR]
              --port N        HTTP port (env KONTOR_HTTP_PORT; default 8080)
              --host ADDRESS  address to listen on (env KONTOR_HTTP_HOST; default 127.0.0.1)
              --data DIR      data folder (env KONTOR_DATA; default <home>/data)
            Env KONTOR_ADMIN_PASSWORD sets the operator's password on the first start.""";

    static LaunchSettings from(String[] args, Map<String, String> env, Path home) {
        String port = env.getOrDefault("KONTOR_HTTP_PORT", "8080");
        String host = env.getOrDefault("KONTOR_HTTP_HOST", "127.0.0.1");
        String data = env.get("KONTOR_DATA");
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = value(args, ++i, "--port");
                case "--host" -> host = value(args, ++i, "--host");
                case "--data" -> data = value(args, ++i, "--data");
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number, not '" + port + "'");
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw new IllegalArgumentException("the port must be between 1 and 65535, not " + portNumber);
        }
        Path absoluteHome = home.toAbsolutePath().normalize();
        Path dataFolder = data == null || data.isBlank() ? absoluteHome.resolve("data") : Paths.get(data).toAbsolutePath();
        return new LaunchSettings(absoluteHome, dataFolder, host, portNumber, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    Map<String, String> frameworkProperties() {
        Map<String, String> properties = new HashMap<>();
        // A fresh cache on every start: the installed bundles are exactly bundles/ and deploy/.
        properties.put("org.osgi.framework.storage", data.resolve("cache").toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.bootdelegation", "sun.*,com.sun.*");
        properties.put("kontor.home", home.toString());
        properties.put("kontor.data", data.toString());
        properties.put("org.osgi.service.http.port", Integer.toString(port));
        properties.put("org.apache.felix.http.host", host);
        properties.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // etc/ holds configuration (*.cfg) and the watcher for deploy/.
        properties.put("felix.fileinstall.dir", home.resolve("etc").toString());
        properties.put("felix.fileinstall.poll", "250");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.log.level", "2");
        properties.put("ds.loglevel", "warn");
        return properties;
    }
}
