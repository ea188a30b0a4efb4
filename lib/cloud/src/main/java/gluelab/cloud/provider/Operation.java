package gluelab.cloud.provider;

import java.lang.reflect.Method;

/** One operation a provider implements: its name, typed request and response, and the method. */
public record Operation(String name, Class<?> requestClass, Class<?> responseClass, Method method,
                        Object handler) {

    /** Extra parameters after the request, e.g. an S3 upload's body stream. */
    public Class<?>[] extraParameterTypes() {
        Class<?>[] all = method.getParameterTypes();
        Class<?>[] extra = new Class<?>[all.length - 2];
        System.arraycopy(all, 2, extra, 0, extra.length);
        return extra;
    }
}
