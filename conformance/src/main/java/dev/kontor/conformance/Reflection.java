package dev.kontor.conformance;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Calls into the framework's services by name. The kit runs outside the framework: the
 * classes of DS, the REST whiteboard and JAX-RS inside it are other classes than those on
 * the test class path (only {@code org.osgi.framework} is shared), so their methods,
 * fields and annotations are reached through reflection on the framework's own classes.
 */
final class Reflection {

    private Reflection() {
    }

    /** Uses the service of this interface, reached through the interface as the providing bundle loads it. */
    static <R> R withService(BundleContext context, String interfaceName, Function<ServiceCall, R> use) {
        ServiceReference<?> reference = anyReference(context, interfaceName);
        Object service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw new IllegalStateException("The panel has no " + interfaceName + " service");
        }
        try {
            return use.apply(new ServiceCall(implemented(service.getClass(), interfaceName), service));
        } finally {
            context.ungetService(reference);
        }
    }

    /** The interface of that name as the service's own class implements it (the registering bundle may not import it). */
    private static Class<?> implemented(Class<?> type, String interfaceName) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> candidate : current.getInterfaces()) {
                if (candidate.getName().equals(interfaceName)) {
                    return candidate;
                }
                Class<?> inherited = implemented(candidate, interfaceName);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        if (type.isInterface()) {
            return null;
        }
        throw new IllegalStateException(type + " does not implement " + interfaceName);
    }

    /**
     * The best service of the type for anybody: the framework's own context would see only
     * services whose package it shares, and the test class path has other copies of them.
     */
    private static ServiceReference<?> anyReference(BundleContext context, String interfaceName) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(interfaceName, null);
            if (references == null) {
                return null;
            }
            java.util.Arrays.sort(references, java.util.Comparator.reverseOrder()); // the highest ranking first
            return references[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e); // there is no filter
        }
    }

    /** One service and the interface its methods are called through. */
    record ServiceCall(Class<?> type, Object service) {

        Object call(String method, Class<?>[] parameterTypes, Object... arguments) {
            try {
                Method target = type.getMethod(method, parameterTypes);
                return target.invoke(service, arguments);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(method + " failed", e.getCause());
            }
        }

        /** A call whose one parameter is of a type of the framework, loaded as the service's interface sees it. */
        Object callWith(String method, String parameterType, Object argument) {
            try {
                return call(method, new Class<?>[] {type.getClassLoader().loadClass(parameterType)}, argument);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A public field of a DTO. */
    static Object field(Object dto, String name) {
        try {
            return dto.getClass().getField(name).get(dto);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The elements of an array field of a DTO (null counts as empty). */
    static List<Object> elements(Object dto, String name) {
        Object array = field(dto, name);
        List<Object> elements = new ArrayList<>();
        for (int i = 0; array != null && i < Array.getLength(array); i++) {
            elements.add(Array.get(array, i));
        }
        return elements;
    }

    /** The elements of any array or collection answer. */
    static List<Object> elementsOf(Object arrayOrCollection) {
        if (arrayOrCollection instanceof java.util.Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        List<Object> elements = new ArrayList<>();
        for (int i = 0; arrayOrCollection != null && i < Array.getLength(arrayOrCollection); i++) {
            elements.add(Array.get(arrayOrCollection, i));
        }
        return elements;
    }

    /** The {@code value()} of an annotation of the framework's classes. */
    static Object value(java.lang.annotation.Annotation annotation) {
        try {
            return annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
