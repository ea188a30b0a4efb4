package gluelab.cloud.provider;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * The operations of one provider, found by reflection: every public method whose parameters start with
 * {@code (RequestContext, XxxRequest)} implements operation {@code Xxx}, named as on the wire. {@code XxxRequest} is
 * a type of the SDK's model, or one marked {@link ProtocolOperation} for an operation the model lacks.
 */
public final class OperationCatalog {

    private final ServiceDescriptor service;
    private final Map<String, Operation> operations = new TreeMap<>();
    private final Map<String, String> olderRoutes;

    private OperationCatalog(ServiceProvider provider) {
        this.service = provider.descriptor();
        this.olderRoutes = Map.copyOf(provider.olderRestRoutes());
        for (Object handler : provider.operationHandlers()) {
            addOperationsOf(handler);
        }
    }

    private void addOperationsOf(Object handler) {
        for (Method method : handler.getClass().getMethods()) {
            Class<?>[] params = method.getParameterTypes();
            if (Modifier.isStatic(method.getModifiers()) || params.length < 2 || params[0] != RequestContext.class) {
                continue;
            }
            String requestName = params[1].getSimpleName();
            boolean modelled = params[1].getPackageName().equals(service.modelPackage())
                    || params[1].isAnnotationPresent(ProtocolOperation.class);
            if (!requestName.endsWith("Request") || !modelled) {
                continue;
            }
            String name = wireName(params[1], requestName.substring(0, requestName.length() - "Request".length()));
            Operation previous = operations.put(name, new Operation(name, params[1], method.getReturnType(), method, handler));
            if (previous != null && previous.handler() != handler) {
                throw new IllegalStateException(name + " is implemented twice: by " + previous.handler().getClass()
                        + " and " + handler.getClass());
            }
        }
    }

    /**
     * The operation's name on the wire, from the SDK's marshaller: the class names of the SDK follow its own casing
     * ({@code CreateDbInstanceRequest}) where the wire keeps AWS's ({@code Action=CreateDBInstance}).
     */
    private static String wireName(Class<?> requestClass, String className) {
        String model = requestClass.getPackageName();
        String marshaller = model.substring(0, model.lastIndexOf('.')) + ".transform." + requestClass.getSimpleName()
                + "Marshaller";
        try {
            Field binding = Class.forName(marshaller, false, requestClass.getClassLoader())
                    .getDeclaredField("SDK_OPERATION_BINDING");
            binding.setAccessible(true);
            String identifier = ((OperationInfo) binding.get(null)).operationIdentifier();
            return identifier == null || !identifier.equalsIgnoreCase(className) ? className : identifier;
        } catch (ReflectiveOperationException | RuntimeException noMarshaller) {
            return className;
        }
    }

    public static OperationCatalog of(ServiceProvider provider) {
        return new OperationCatalog(provider);
    }

    public ServiceDescriptor service() {
        return service;
    }

    /** {@link ServiceProvider#olderRestRoutes()}: operation name to {@code "METHOD /uri"}. */
    public Map<String, String> olderRoutes() {
        return olderRoutes;
    }

    public Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    public Collection<Operation> all() {
        return operations.values();
    }

    /** The operation, or the error AWS gives for an unknown one (honest about real-but-unimplemented ones). */
    public Operation require(String name) {
        Operation operation = operations.get(name);
        if (operation != null) {
            return operation;
        }
        throw existsInModel(name) ? CommonErrors.notImplemented(service, name) : CommonErrors.unknownOperation(service, name);
    }

    /** Whether the AWS model has this operation at all. */
    public boolean existsInModel(String name) {
        if (name == null || name.isEmpty() || !Character.isUpperCase(name.charAt(0))
                || !name.chars().allMatch(Character::isLetterOrDigit)) {
            return false;
        }
        if (operations.containsKey(name)) {
            return true;
        }
        for (String className : new String[] {name, sdkCasing(name)}) {
            try {
                Class.forName(service.modelPackage() + "." + className + "Request", false, getClass().getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                // try the SDK's casing next
            }
        }
        return false;
    }

    /** An AWS operation name in the SDK's class casing: a run of capitals keeps only its first ({@code DBInstance} → {@code DbInstance}). */
    private static String sdkCasing(String name) {
        StringBuilder cased = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean afterCapital = i > 0 && Character.isUpperCase(name.charAt(i - 1));
            boolean beforeLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
            cased.append(Character.isUpperCase(c) && afterCapital && !beforeLower ? Character.toLowerCase(c) : c);
        }
        return cased.toString();
    }

    /** Calls the operation; an {@link AwsServiceException} it throws comes out unwrapped. */
    public Object invoke(Operation operation, RequestContext context, Object request, Object... extra) {
        Object[] args = new Object[2 + extra.length];
        args[0] = context;
        args[1] = request;
        System.arraycopy(extra, 0, args, 2, extra.length);
        try {
            return operation.method().invoke(operation.handler(), args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AwsServiceException unknown(ServiceDescriptor service, String name) {
        return CommonErrors.unknownOperation(service, name);
    }
}
