package gluelab.cloud.services.lambda;

import gluelab.cloud.provider.AccountRegionStore;
import gluelab.cloud.provider.RequestContext;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConcurrencyResponse;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyRequest;
import software.amazon.awssdk.services.lambda.model.PutFunctionConcurrencyResponse;

/**
 * A function's reserved concurrency: the most invocations it runs at once; beyond it Invoke is throttled
 * ({@code TooManyRequestsException}, Reason {@code ReservedFunctionConcurrentInvocationLimitExceeded}). Zero stops
 * the function from running at all.
 */
public final class ConcurrencyOperations {

    /** An account's concurrency, of which Lambda keeps 100 unreserved. */
    static final int ACCOUNT_CONCURRENCY = 1000;
    static final int UNRESERVED_MINIMUM = 100;

    private final AccountRegionStore<LambdaState> states;

    ConcurrencyOperations(AccountRegionStore<LambdaState> states) {
        this.states = states;
    }

    public PutFunctionConcurrencyResponse putFunctionConcurrency(RequestContext context,
                                                                 PutFunctionConcurrencyRequest request) {
        LambdaErrors.validation()
                .required("functionName", request.functionName())
                .required("reservedConcurrentExecutions", request.reservedConcurrentExecutions())
                .range("reservedConcurrentExecutions", request.reservedConcurrentExecutions(), 0, Integer.MAX_VALUE)
                .orThrow();
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        synchronized (state) {
            state.require(name);
            int reservedElsewhere = state.reservedConcurrency.view().entrySet().stream()
                    .filter(e -> !e.getKey().equals(name.name())).mapToInt(e -> e.getValue()).sum();
            int unreserved = ACCOUNT_CONCURRENCY - reservedElsewhere - request.reservedConcurrentExecutions();
            if (unreserved < UNRESERVED_MINIMUM) {
                throw LambdaErrors.invalidParameter("Specified ReservedConcurrentExecutions for function decreases "
                        + "account's UnreservedConcurrentExecution below its minimum value of [" + UNRESERVED_MINIMUM
                        + "].");
            }
            state.reservedConcurrency.put(name.name(), request.reservedConcurrentExecutions());
        }
        return PutFunctionConcurrencyResponse.builder()
                .reservedConcurrentExecutions(request.reservedConcurrentExecutions()).build();
    }

    public GetFunctionConcurrencyResponse getFunctionConcurrency(RequestContext context,
                                                                 GetFunctionConcurrencyRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        state.require(name);
        return GetFunctionConcurrencyResponse.builder()
                .reservedConcurrentExecutions(state.reservedConcurrency.get(name.name())).build();
    }

    public DeleteFunctionConcurrencyResponse deleteFunctionConcurrency(RequestContext context,
                                                                       DeleteFunctionConcurrencyRequest request) {
        FunctionName name = FunctionName.parse("functionName", request.functionName(), null, context.scope());
        LambdaState state = states.get(context);
        state.require(name);
        state.reservedConcurrency.remove(name.name());
        return DeleteFunctionConcurrencyResponse.builder().build();
    }
}
