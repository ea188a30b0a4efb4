package gluelab.cloud.services.states;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gluelab.cloud.testing.RunningLabCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The interpreter, case by case: every state type, the input and output processing fields, the context object,
 * JSONPath, the intrinsic functions, Choice rules, and error handling. Each case names the section of the AWS Step
 * Functions Developer Guide (or the Amazon States Language specification) it comes from, and runs as an execution
 * through the AWS SDK against a running Lab Cloud.
 */
class InterpreterCasesTest {

    @RegisterExtension
    static RunningLabCloud cloud = RunningLabCloud.inMemory();

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One case.
     *
     * @param section where AWS documents the behaviour
     * @param output  the execution's output when it succeeds (JSON), or null when it fails
     * @param error   the execution's error when it fails
     * @param cause   text the cause contains, when it fails
     */
    record Case(String behaviour, String section, String definition, String input, String output, String error,
                String cause) {
        @Override
        public String toString() {
            return behaviour;
        }
    }

    private static Case succeeds(String behaviour, String section, String definition, String input, String output) {
        return new Case(behaviour, section, definition, input, output, null, null);
    }

    private static Case fails(String behaviour, String section, String definition, String input, String error,
                              String cause) {
        return new Case(behaviour, section, definition, input, null, error, cause);
    }

    /** A machine of one state {@code S} with these fields (and End). */
    private static String one(String type, String fields) {
        return "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"" + type + "\"" + (fields.isEmpty() ? "" : ",")
                + fields + ",\"End\":true}}}";
    }

    /** A Pass state whose result is the intrinsic call. */
    private static String intrinsic(String call) {
        return one("Pass", "\"Parameters\":{\"r.$\":\"" + call.replace("\"", "\\\"") + "\"},\"OutputPath\":\"$.r\"");
    }

    /** A Choice on one rule: "yes" when it matches, else "no". */
    private static String choice(String rule) {
        return "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{" + rule
                + ",\"Next\":\"Yes\"}],\"Default\":\"No\"},\"Yes\":{\"Type\":\"Pass\",\"Result\":\"yes\",\"End\":true},"
                + "\"No\":{\"Type\":\"Pass\",\"Result\":\"no\",\"End\":true}}}";
    }

    private static String jsonataLanguage() {
        return "Transforming data with JSONata in Step Functions";
    }

    /** A Map in DISTRIBUTED mode (STANDARD children) with these fields and processor states. */
    private static String distributed(String fields, String processorStates) {
        return "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\"," + fields + "\"ItemProcessor\":{"
                + "\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"P\","
                + "\"States\":{" + processorStates + "}},\"End\":true}}}";
    }

    /** {@link #mapFailingOnTwo} in DISTRIBUTED mode: each item a child execution. */
    private static String distributedFailingOnTwo(String fields) {
        return mapFailingOnTwo(fields).replace("\"ItemProcessor\":{", "\"ItemProcessor\":{\"ProcessorConfig\":"
                + "{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"EXPRESS\"},");
    }

    /** A Map with these fields whose processor fails items equal to 2 with error Two, cause "item 2". */
    private static String mapFailingOnTwo(String fields) {
        return "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\"," + fields + "\"ItemProcessor\":{\"StartAt\":\"C\","
                + "\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$\",\"NumericEquals\":2,"
                + "\"Next\":\"F\"}],\"Default\":\"P\"},\"F\":{\"Type\":\"Fail\",\"Error\":\"Two\","
                + "\"Cause\":\"item 2\"},\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}";
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String io = "Processing input and output: InputPath, Parameters, ResultSelector, ResultPath, OutputPath";
        cases.add(succeeds("aPassResultReplacesTheInput", "Pass workflow state", one("Pass", "\"Result\":{\"a\":1}"),
                "{\"x\":1}", "{\"a\":1}"));
        cases.add(succeeds("aPassWithoutResultPassesItsInput", "Pass workflow state", one("Pass", ""),
                "{\"x\":1}", "{\"x\":1}"));
        cases.add(succeeds("resultPathPutsTheResultIntoTheInput", io,
                one("Pass", "\"Result\":{\"a\":1},\"ResultPath\":\"$.r\""), "{\"x\":1}", "{\"x\":1,\"r\":{\"a\":1}}"));
        cases.add(succeeds("resultPathCreatesTheObjectsOnItsWay", io,
                one("Pass", "\"Result\":2,\"ResultPath\":\"$.a.b\""), "{}", "{\"a\":{\"b\":2}}"));
        cases.add(succeeds("aNullResultPathDiscardsTheResult", io,
                one("Pass", "\"Result\":{\"a\":1},\"ResultPath\":null"), "{\"x\":1}", "{\"x\":1}"));
        cases.add(succeeds("inputPathSelectsPartOfTheInput", io, one("Pass", "\"InputPath\":\"$.inner\""),
                "{\"inner\":{\"v\":2},\"other\":3}", "{\"v\":2}"));
        cases.add(succeeds("aNullInputPathGivesAnEmptyObject", io, one("Pass", "\"InputPath\":null"),
                "{\"x\":1}", "{}"));
        cases.add(succeeds("outputPathSelectsPartOfTheOutput", io,
                one("Pass", "\"Result\":{\"a\":1,\"b\":2},\"ResultPath\":\"$.r\",\"OutputPath\":\"$.r.b\""),
                "{}", "2"));
        cases.add(succeeds("parametersFieldsEndingInDollarTakeValuesFromPaths", io,
                one("Pass", "\"Parameters\":{\"v.$\":\"$.x\",\"const\":\"c\",\"nested\":{\"w.$\":\"$.y[1]\"}}"),
                "{\"x\":1,\"y\":[5,6]}", "{\"v\":1,\"const\":\"c\",\"nested\":{\"w\":6}}"));
        cases.add(succeeds("theContextObjectGivesTheStateNameAndExecutionInput", "Accessing execution data from "
                        + "the Context object",
                one("Pass", "\"Parameters\":{\"state.$\":\"$$.State.Name\",\"in.$\":\"$$.Execution.Input.x\","
                        + "\"retries.$\":\"$$.State.RetryCount\"}"),
                "{\"x\":7}", "{\"state\":\"S\",\"in\":7,\"retries\":0}"));
        cases.add(succeeds("jsonPathReadsIndexesWildcardsFiltersAndLength", "Using JSONPath paths",
                one("Pass", "\"Parameters\":{\"first.$\":\"$.items[0]\",\"last.$\":\"$.items[-1:]\","
                        + "\"names.$\":\"$.items[*].n\",\"big.$\":\"$.items[?(@.n > 1)].n\","
                        + "\"count.$\":\"$.items.length()\",\"quoted.$\":\"$['odd key']\"}"),
                "{\"items\":[{\"n\":1},{\"n\":2},{\"n\":3}],\"odd key\":true}",
                "{\"first\":{\"n\":1},\"last\":[{\"n\":3}],\"names\":[1,2,3],\"big\":[2,3],\"count\":3,\"quoted\":true}"));
        cases.add(fails("anInputPathThatFindsNothingFailsWithStatesRuntime", "Error names: States.Runtime",
                one("Pass", "\"InputPath\":\"$.missing\""), "{}", "States.Runtime", "$.missing"));
        cases.add(fails("aParametersPathThatFindsNothingFailsWithStatesRuntime", "Error names: States.Runtime",
                one("Pass", "\"Parameters\":{\"v.$\":\"$.missing\"}"), "{}", "States.Runtime", "$.missing"));
        cases.add(fails("aResultPathThroughANonObjectFailsWithResultPathMatchFailure",
                "Error names: States.ResultPathMatchFailure",
                one("Pass", "\"Result\":1,\"ResultPath\":\"$.x.y\""), "{\"x\":5}", "States.ResultPathMatchFailure",
                "$.x.y"));

        String intrinsics = "Intrinsic functions for JSONPath states";
        cases.add(succeeds("statesFormatFillsItsPlaceholders", intrinsics,
                intrinsic("States.Format('Hello, {}! You are {}.', $.name, $.age)"), "{\"name\":\"Ada\",\"age\":36}",
                "\"Hello, Ada! You are 36.\""));
        cases.add(succeeds("statesStringToJsonParsesText", intrinsics, intrinsic("States.StringToJson($.s)"),
                "{\"s\":\"{\\\"a\\\":1}\"}", "{\"a\":1}"));
        cases.add(succeeds("statesJsonToStringWritesJson", intrinsics, intrinsic("States.JsonToString($.o)"),
                "{\"o\":{\"a\":1}}", "\"{\\\"a\\\":1}\""));
        cases.add(succeeds("statesArrayMakesAnArrayOfItsArguments", intrinsics,
                intrinsic("States.Array('a', 1, $.x, null)"), "{\"x\":true}", "[\"a\",1,true,null]"));
        cases.add(succeeds("statesArrayPartitionChunksAnArray", intrinsics,
                intrinsic("States.ArrayPartition($.a, 2)"), "{\"a\":[1,2,3,4,5]}", "[[1,2],[3,4],[5]]"));
        cases.add(succeeds("statesArrayContainsFindsAValue", intrinsics,
                intrinsic("States.ArrayContains($.a, $.v)"), "{\"a\":[1,2,3],\"v\":2}", "true"));
        cases.add(succeeds("statesArrayRangeCountsInSteps", intrinsics, intrinsic("States.ArrayRange(1, 9, 2)"),
                "{}", "[1,3,5,7,9]"));
        cases.add(succeeds("statesArrayGetItemReadsAnIndex", intrinsics, intrinsic("States.ArrayGetItem($.a, 1)"),
                "{\"a\":[1,2,3]}", "2"));
        cases.add(succeeds("statesArrayLengthCountsItems", intrinsics, intrinsic("States.ArrayLength($.a)"),
                "{\"a\":[1,2,3,4,5]}", "5"));
        cases.add(succeeds("statesArrayUniqueDropsRepeats", intrinsics, intrinsic("States.ArrayUnique($.a)"),
                "{\"a\":[1,2,2,3,1]}", "[1,2,3]"));
        cases.add(succeeds("statesBase64EncodeEncodes", intrinsics,
                intrinsic("States.Base64Encode('Data to encode')"), "{}", "\"RGF0YSB0byBlbmNvZGU=\""));
        cases.add(succeeds("statesBase64DecodeDecodes", intrinsics,
                intrinsic("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')"), "{}", "\"Data to encode\""));
        cases.add(succeeds("statesHashDigestsWithTheNamedAlgorithm", intrinsics,
                intrinsic("States.Hash($.d, 'SHA-1')"), "{\"d\":\"input data\"}",
                "\"aaff4a450a104cd177d28d18d74485e8cae074b7\""));
        cases.add(succeeds("statesJsonMergeMergesShallowly", intrinsics,
                intrinsic("States.JsonMerge($.a, $.b, false)"), "{\"a\":{\"x\":1,\"y\":{\"p\":1}},\"b\":{\"y\":{\"q\":2}}}",
                "{\"x\":1,\"y\":{\"q\":2}}"));
        cases.add(succeeds("statesMathRandomStaysInItsRange", intrinsics, intrinsic("States.MathRandom(4, 5)"),
                "{}", "4"));
        cases.add(succeeds("statesMathAddAdds", intrinsics, intrinsic("States.MathAdd($.v, -1)"), "{\"v\":111}",
                "110"));
        cases.add(succeeds("statesStringSplitSplitsOnEachDelimiter", intrinsics,
                intrinsic("States.StringSplit('This.is+a,test', '.+,')"), "{}", "[\"This\",\"is\",\"a\",\"test\"]"));
        cases.add(succeeds("statesUuidMakesAVersion4Uuid", intrinsics,
                intrinsic("States.ArrayLength(States.StringSplit(States.UUID(), '-'))"), "{}", "5"));
        cases.add(succeeds("intrinsicFunctionsNest", intrinsics,
                intrinsic("States.ArrayLength(States.Array(1, 2, 3))"), "{}", "3"));
        cases.add(fails("anIntrinsicMisusedFailsWithIntrinsicFailure", intrinsics,
                intrinsic("States.ArrayGetItem($.a, 10)"), "{\"a\":[1]}", "States.IntrinsicFailure", "out of bounds"));

        String rules = "Choice workflow state: choice rules";
        cases.add(succeeds("stringEqualsMatches", rules, choice("\"Variable\":\"$.v\",\"StringEquals\":\"a\""),
                "{\"v\":\"a\"}", "\"yes\""));
        cases.add(succeeds("aComparisonWithAValueOfAnotherTypeIsFalse", rules,
                choice("\"Variable\":\"$.v\",\"StringEquals\":\"1\""), "{\"v\":1}", "\"no\""));
        cases.add(succeeds("stringLessThanComparesInOrder", rules,
                choice("\"Variable\":\"$.v\",\"StringLessThan\":\"b\""), "{\"v\":\"a\"}", "\"yes\""));
        cases.add(succeeds("stringGreaterThanEqualsIncludesEqual", rules,
                choice("\"Variable\":\"$.v\",\"StringGreaterThanEquals\":\"b\""), "{\"v\":\"b\"}", "\"yes\""));
        cases.add(succeeds("stringMatchesTakesWildcards", rules,
                choice("\"Variable\":\"$.v\",\"StringMatches\":\"log-*.txt\""), "{\"v\":\"log-2024.txt\"}",
                "\"yes\""));
        cases.add(succeeds("stringMatchesTakesAnEscapedStarLiterally", rules,
                choice("\"Variable\":\"$.v\",\"StringMatches\":\"a\\\\*\""), "{\"v\":\"ab\"}", "\"no\""));
        cases.add(succeeds("numericEqualsComparesNumbersNotTheirText", rules,
                choice("\"Variable\":\"$.v\",\"NumericEquals\":10"), "{\"v\":10.0}", "\"yes\""));
        cases.add(succeeds("numericLessThanCompares", rules,
                choice("\"Variable\":\"$.v\",\"NumericLessThan\":10"), "{\"v\":11}", "\"no\""));
        cases.add(succeeds("numericGreaterThanEqualsPathComparesTwoFields", rules,
                choice("\"Variable\":\"$.v\",\"NumericGreaterThanEqualsPath\":\"$.limit\""),
                "{\"v\":5,\"limit\":5}", "\"yes\""));
        cases.add(succeeds("booleanEqualsMatches", rules, choice("\"Variable\":\"$.ok\",\"BooleanEquals\":true"),
                "{\"ok\":true}", "\"yes\""));
        cases.add(succeeds("timestampGreaterThanComparesInstants", rules,
                choice("\"Variable\":\"$.t\",\"TimestampGreaterThan\":\"2026-01-01T00:00:00Z\""),
                "{\"t\":\"2026-01-01T01:00:00+00:00\"}", "\"yes\""));
        cases.add(succeeds("timestampEqualsPathComparesTwoFields", rules,
                choice("\"Variable\":\"$.a\",\"TimestampEqualsPath\":\"$.b\""),
                "{\"a\":\"2026-01-01T00:00:00Z\",\"b\":\"2026-01-01T01:00:00+01:00\"}", "\"yes\""));
        cases.add(succeeds("isNullTestsForNull", rules, choice("\"Variable\":\"$.v\",\"IsNull\":true"),
                "{\"v\":null}", "\"yes\""));
        cases.add(succeeds("isPresentFalseMatchesAMissingField", rules,
                choice("\"Variable\":\"$.v\",\"IsPresent\":false"), "{}", "\"yes\""));
        cases.add(succeeds("isNumericTestsTheType", rules, choice("\"Variable\":\"$.v\",\"IsNumeric\":true"),
                "{\"v\":\"1\"}", "\"no\""));
        cases.add(succeeds("isStringTestsTheType", rules, choice("\"Variable\":\"$.v\",\"IsString\":true"),
                "{\"v\":\"1\"}", "\"yes\""));
        cases.add(succeeds("isBooleanTestsTheType", rules, choice("\"Variable\":\"$.v\",\"IsBoolean\":false"),
                "{\"v\":1}", "\"yes\""));
        cases.add(succeeds("isTimestampTestsTheFormat", rules, choice("\"Variable\":\"$.v\",\"IsTimestamp\":true"),
                "{\"v\":\"2026-12-07T08:00:00Z\"}", "\"yes\""));
        cases.add(succeeds("andNeedsEveryRule", rules, choice("\"And\":[{\"Variable\":\"$.a\",\"NumericGreaterThan\":1},"
                + "{\"Variable\":\"$.b\",\"StringEquals\":\"x\"}]"), "{\"a\":2,\"b\":\"y\"}", "\"no\""));
        cases.add(succeeds("orNeedsOneRule", rules, choice("\"Or\":[{\"Variable\":\"$.a\",\"NumericGreaterThan\":1},"
                + "{\"Variable\":\"$.b\",\"StringEquals\":\"x\"}]"), "{\"a\":2,\"b\":\"y\"}", "\"yes\""));
        cases.add(succeeds("notNegatesItsRule", rules,
                choice("\"Not\":{\"Variable\":\"$.v\",\"StringEquals\":\"a\"}"), "{\"v\":\"b\"}", "\"yes\""));
        cases.add(fails("aMissingVariableFailsWithStatesRuntime", rules,
                choice("\"Variable\":\"$.v\",\"StringEquals\":\"a\""), "{}", "States.Runtime", "$.v"));
        cases.add(fails("noMatchWithoutDefaultFailsWithNoChoiceMatched", "Choice workflow state",
                "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.v\","
                        + "\"BooleanEquals\":true,\"Next\":\"Y\"}]},\"Y\":{\"Type\":\"Succeed\"}}}",
                "{\"v\":false}", "States.NoChoiceMatched", ""));

        cases.add(succeeds("aWaitUntilAPastTimestampMovesOnAtOnce", "Wait workflow state",
                one("Wait", "\"TimestampPath\":\"$.at\""), "{\"at\":\"2001-01-01T00:00:00Z\"}",
                "{\"at\":\"2001-01-01T00:00:00Z\"}"));
        cases.add(succeeds("aWaitOfZeroSecondsMovesOnAtOnce", "Wait workflow state", one("Wait", "\"SecondsPath\":\"$.s\""),
                "{\"s\":0}", "{\"s\":0}"));
        cases.add(succeeds("succeedEndsWithItsFilteredInput", "Succeed workflow state",
                "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Succeed\",\"OutputPath\":\"$.a\"}}}",
                "{\"a\":[1]}", "[1]"));
        cases.add(fails("failEndsWithItsErrorAndCause", "Fail workflow state",
                "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Bad\",\"Cause\":\"why\"}}}",
                "{}", "Bad", "why"));
        cases.add(fails("failReadsErrorPathAndCausePathFromItsInput", "Fail workflow state",
                "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"ErrorPath\":\"$.e\","
                        + "\"CausePath\":\"States.Format('order {} failed', $.id)\"}}}",
                "{\"e\":\"OrderFailed\",\"id\":42}", "OrderFailed", "order 42 failed"));

        String parallel = "Parallel workflow state";
        cases.add(succeeds("parallelOutputsTheArrayOfItsBranchesInOrder", parallel,
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,\"Branches\":["
                        + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":\"a\",\"End\":true}}},"
                        + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Pass\",\"InputPath\":\"$.x\",\"End\":true}}}]}}}",
                "{\"x\":1}", "[\"a\",1]"));
        cases.add(succeeds("aFailingBranchFailsParallelWithItsErrorWhichCatchCatches", "Handling errors in "
                        + "Step Functions workflows: Catch",
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
                        + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}},"
                        + "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Custom\","
                        + "\"Cause\":\"broke\"}}}],"
                        + "\"Catch\":[{\"ErrorEquals\":[\"Other\"],\"Next\":\"Wrong\"},"
                        + "{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"Caught\"}],"
                        + "\"End\":true},\"Wrong\":{\"Type\":\"Fail\"},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}",
                "{\"in\":1}", "{\"in\":1,\"error\":{\"Error\":\"Custom\",\"Cause\":\"broke\"}}"));
        cases.add(fails("statesAllDoesNotCatchStatesRuntime", "Handling errors: States.ALL",
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
                        + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"InputPath\":\"$.nope\","
                        + "\"End\":true}}}],"
                        + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Caught\"}],\"End\":true},"
                        + "\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}",
                "{}", "States.Runtime", "$.nope"));
        cases.add(succeeds("resultSelectorReshapesTheResultBeforeResultPath", io,
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"Branches\":["
                        + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":{\"n\":3},\"End\":true}}}],"
                        + "\"ResultSelector\":{\"n.$\":\"$[0].n\"},\"ResultPath\":\"$.sel\",\"End\":true}}}",
                "{\"k\":0}", "{\"k\":0,\"sel\":{\"n\":3}}"));

        String map = "Map state in inline mode";
        cases.add(succeeds("mapRunsItsProcessorOncePerItemInOrder", map,
                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"ItemProcessor\":"
                        + "{\"ProcessorConfig\":{\"Mode\":\"INLINE\"},\"StartAt\":\"Double\",\"States\":{\"Double\":"
                        + "{\"Type\":\"Pass\",\"Parameters\":{\"v.$\":\"States.MathAdd($.n, $.n)\"},\"End\":true}}},"
                        + "\"End\":true}}}",
                "{\"items\":[{\"n\":1},{\"n\":2},{\"n\":3}]}", "[{\"v\":2},{\"v\":4},{\"v\":6}]"));
        cases.add(succeeds("itemSelectorSeesTheItemIndexAndValueInTheContextObject", map,
                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemsPath\":\"$.items\",\"MaxConcurrency\":1,"
                        + "\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Index\",\"v.$\":\"$$.Map.Item.Value\","
                        + "\"shared.$\":\"$.shared\"},"
                        + "\"Iterator\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},"
                        + "\"End\":true}}}",
                "{\"items\":[\"a\",\"b\"],\"shared\":9}",
                "[{\"i\":0,\"v\":\"a\",\"shared\":9},{\"i\":1,\"v\":\"b\",\"shared\":9}]"));
        cases.add(succeeds("aMapOverNothingOutputsAnEmptyArray", map,
                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"P\","
                        + "\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}", "[]", "[]"));
        cases.add(fails("aFailingIterationFailsTheMapWithItsError", map, mapFailingOnTwo(""), "[1,2,3]", "Two",
                "item 2"));
        String tolerated = "Tolerated failure threshold for Distributed Map state";
        cases.add(succeeds("toleratedFailureCountLetsThatManyItemsFailEachOutputtingItsError", tolerated,
                mapFailingOnTwo("\"ToleratedFailureCount\":1,"), "[1,2,3]",
                "[1,{\"Error\":\"Two\",\"Cause\":\"item 2\"},3]"));
        cases.add(fails("oneFailureMoreThanToleratedFailureCountFailsWithExceedToleratedFailureThreshold", tolerated,
                mapFailingOnTwo("\"ToleratedFailureCount\":1,"), "[2,1,2]",
                "States.ExceedToleratedFailureThreshold", "threshold"));
        cases.add(fails("aToleratedFailureCountOfZeroFailsOnTheFirstFailure", tolerated,
                mapFailingOnTwo("\"ToleratedFailureCount\":0,"), "[1,2]",
                "States.ExceedToleratedFailureThreshold", "threshold"));
        cases.add(succeeds("failuresUpToToleratedFailurePercentageAreTolerated", tolerated,
                mapFailingOnTwo("\"ToleratedFailurePercentage\":50,"), "[2,1,2,3]",
                "[{\"Error\":\"Two\",\"Cause\":\"item 2\"},1,{\"Error\":\"Two\",\"Cause\":\"item 2\"},3]"));
        cases.add(fails("failuresOverToleratedFailurePercentageFailTheMap", tolerated,
                mapFailingOnTwo("\"ToleratedFailurePercentage\":50,"), "[2,2,2,3]",
                "States.ExceedToleratedFailureThreshold", "threshold"));
        cases.add(succeeds("aToleratedFailurePercentageOf100NeverFailsTheMap", tolerated,
                mapFailingOnTwo("\"ToleratedFailurePercentage\":100,"), "[2,2]",
                "[{\"Error\":\"Two\",\"Cause\":\"item 2\"},{\"Error\":\"Two\",\"Cause\":\"item 2\"}]"));
        cases.add(fails("whenBothAreGivenExceedingEitherFailsTheMap", tolerated,
                mapFailingOnTwo("\"ToleratedFailureCount\":5,\"ToleratedFailurePercentage\":10,"), "[2,1,1]",
                "States.ExceedToleratedFailureThreshold", "threshold"));
        cases.add(succeeds("toleratedFailureCountPathReadsTheCountFromTheInput", tolerated,
                mapFailingOnTwo("\"ItemsPath\":\"$.items\",\"ToleratedFailureCountPath\":\"$.tolerate\","),
                "{\"items\":[2,2],\"tolerate\":2}",
                "[{\"Error\":\"Two\",\"Cause\":\"item 2\"},{\"Error\":\"Two\",\"Cause\":\"item 2\"}]"));
        cases.add(fails("toleratedFailurePercentagePathReadsThePercentageFromTheInput", tolerated,
                mapFailingOnTwo("\"ItemsPath\":\"$.items\",\"ToleratedFailurePercentagePath\":\"$.pct\","),
                "{\"items\":[2,1],\"pct\":25}", "States.ExceedToleratedFailureThreshold", "threshold"));
        cases.add(fails("aToleratedFailurePathToANonNumberFailsWithStatesRuntime", tolerated,
                mapFailingOnTwo("\"ItemsPath\":\"$.items\",\"ToleratedFailureCountPath\":\"$.tolerate\","),
                "{\"items\":[1],\"tolerate\":\"many\"}", "States.Runtime", "ToleratedFailureCountPath"));
        cases.add(succeeds("aCatcherCatchesExceedToleratedFailureThreshold", tolerated,
                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ToleratedFailureCount\":0,"
                        + "\"ItemProcessor\":{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"E\"}}},"
                        + "\"Catch\":[{\"ErrorEquals\":[\"States.ExceedToleratedFailureThreshold\"],\"Next\":\"Caught\"}],"
                        + "\"End\":true},\"Caught\":{\"Type\":\"Pass\",\"OutputPath\":\"$.Error\",\"End\":true}}}",
                "[1]", "\"States.ExceedToleratedFailureThreshold\""));
        String distributedMode = "Using Map state in Distributed mode for large-scale parallel workloads";
        String pass = "\"P\":{\"Type\":\"Pass\",\"End\":true}";
        cases.add(succeeds("aDistributedMapOverItsInputRunsEachItemAsAChildExecutionOutputtingInItemOrder",
                distributedMode, distributed("\"ItemsPath\":\"$.rows\",\"MaxConcurrency\":2,", pass),
                "{\"rows\":[3,1,2]}", "[3,1,2]"));
        cases.add(succeeds("aDistributedMapsItemSelectorSeesTheItemsIndexAndValue", distributedMode,
                distributed("\"ItemSelector\":{\"i.$\":\"$$.Map.Item.Index\",\"v.$\":\"$$.Map.Item.Value\"},", pass),
                "[\"a\",\"b\"]", "[{\"i\":0,\"v\":\"a\"},{\"i\":1,\"v\":\"b\"}]"));
        cases.add(succeeds("aChildExecutionHasAContextObjectOfItsOwn", distributedMode,
                distributed("", "\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"child.$\":\"States.ArrayContains("
                        + "States.StringSplit($$.Execution.Id, ':'), 'execution')\",\"input.$\":\"$$.Execution.Input\"},"
                        + "\"End\":true}"), "[7]", "[{\"child\":true,\"input\":7}]"));
        cases.add(fails("aDistributedMapOverANonArrayFailsWithStatesRuntime", distributedMode,
                distributed("", pass), "{\"a\":1}", "States.Runtime", "array"));
        String batcher = "ItemBatcher (Map)";
        cases.add(succeeds("maxItemsPerBatchPutsThatManyItemsInEachChildsItemsWithBatchInput", batcher,
                distributed("\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"BatchInput\":{\"job.$\":\"$.job\"}},"
                        + "\"ItemsPath\":\"$.rows\",", pass), "{\"job\":\"j\",\"rows\":[1,2,3,4,5]}",
                "[{\"BatchInput\":{\"job\":\"j\"},\"Items\":[1,2]},{\"BatchInput\":{\"job\":\"j\"},\"Items\":[3,4]},"
                        + "{\"BatchInput\":{\"job\":\"j\"},\"Items\":[5]}]"));
        cases.add(succeeds("maxInputBytesPerBatchStartsANewBatchBeforeABatchWouldGrowPastIt", batcher,
                distributed("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":7},", pass), "[\"aaa\",\"bb\",\"c\"]",
                "[{\"Items\":[\"aaa\"]},{\"Items\":[\"bb\",\"c\"]}]"));
        cases.add(succeeds("maxItemsPerBatchPathReadsTheBatchSizeFromTheInput", batcher,
                distributed("\"ItemBatcher\":{\"MaxItemsPerBatchPath\":\"$.size\"},\"ItemsPath\":\"$.rows\",",
                        pass), "{\"size\":3,\"rows\":[1,2,3,4]}", "[{\"Items\":[1,2,3]},{\"Items\":[4]}]"));
        cases.add(fails("aDistributedMapToleratesNoFailedItemByDefault", tolerated,
                distributedFailingOnTwo(""), "[1,2,3]", "States.ExceedToleratedFailureThreshold", "threshold"));
        cases.add(succeeds("aDistributedMapOutputsATolerableFailedChildsErrorInItsPlace", tolerated,
                distributedFailingOnTwo("\"ToleratedFailureCount\":1,"), "[1,2,3]",
                "[1,{\"Error\":\"Two\",\"Cause\":\"item 2\"},3]"));
        cases.add(fails("aDistributedMapFailsOnceFailedItemsExceedToleratedFailurePercentage", tolerated,
                distributedFailingOnTwo("\"ToleratedFailurePercentage\":40,"), "[1,2,2,3]",
                "States.ExceedToleratedFailureThreshold", "threshold"));
        cases.add(succeeds("aJsonataDistributedMapTakesItsItemsAndItemSelectorAsExpressions", jsonataLanguage(),
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                        + "\"Items\":\"{% $states.input.rows %}\",\"ItemSelector\":{\"v\":\"{% $states.context.Map.Item.Value * 10 %}\"},"
                        + "\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\",\"ExecutionType\":\"EXPRESS\"},"
                        + "\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Output\":\"{% $states.input.v + 1 %}\","
                        + "\"End\":true}}},\"End\":true}}}", "{\"rows\":[1,2]}", "[11,21]"));
        cases.add(fails("aMapOverANonArrayFailsWithStatesRuntime", map,
                "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"P\","
                        + "\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}", "{\"a\":1}",
                "States.Runtime", "array"));
        String jsonata = "Transforming data with JSONata in Step Functions";
        String variables = "Passing data between states with variables";
        cases.add(succeeds("aJsonataCatchersOutputAndAssignSeeTheErrorOutput", variables,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"Try\",\"States\":{\"Try\":{\"Type\":\"Parallel\","
                        + "\"Branches\":[{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Oops\","
                        + "\"Cause\":\"bad\"}}}],\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"After\","
                        + "\"Output\":{\"e\":\"{% $states.errorOutput.Error %}\",\"x\":\"{% $states.input.x %}\"},"
                        + "\"Assign\":{\"why\":\"{% $states.errorOutput.Cause %}\"}}],\"End\":true},"
                        + "\"After\":{\"Type\":\"Pass\",\"Output\":\"{% [$states.input, $why] %}\",\"End\":true}}}",
                "{\"x\":1}", "[{\"e\":\"Oops\",\"x\":1},\"bad\"]"));
        cases.add(succeeds("aMatchedJsonataChoiceRulesAssignAndOutputApplyWithTheStates", variables,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                        + "\"Assign\":{\"s\":1},\"Choices\":[{\"Condition\":\"{% $states.input.v > 1 %}\",\"Next\":\"P\","
                        + "\"Assign\":{\"r\":\"{% $states.input.v * 2 %}\"},\"Output\":{\"w\":\"{% $states.input.v %}\"}}],"
                        + "\"Default\":\"P\"},\"P\":{\"Type\":\"Pass\",\"Output\":\"{% [$r, $s, $states.input] %}\","
                        + "\"End\":true}}}", "{\"v\":2}", "[4,1,{\"w\":2}]"));
        cases.add(succeeds("aJsonataToleratedFailureCountIsAnExpression", tolerated,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                        + "\"Items\":\"{% $states.input.items %}\",\"ToleratedFailureCount\":\"{% $states.input.n %}\","
                        + "\"ItemProcessor\":{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":"
                        + "[{\"Condition\":\"{% $states.input = 2 %}\",\"Next\":\"F\"}],\"Default\":\"P\"},"
                        + "\"F\":{\"Type\":\"Fail\",\"Error\":\"Two\",\"Cause\":\"item 2\"},\"P\":{\"Type\":\"Pass\","
                        + "\"End\":true}}},\"End\":true}}}", "{\"n\":1,\"items\":[1,2,3]}",
                "[1,{\"Error\":\"Two\",\"Cause\":\"item 2\"},3]"));
        cases.add(fails("aJsonataToleratedFailurePercentageExpressionOutOfRangeFailsWithStatesRuntime", tolerated,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                        + "\"ToleratedFailurePercentage\":\"{% 150 %}\",\"ItemProcessor\":{\"StartAt\":\"P\","
                        + "\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}}}", "[1]",
                "States.Runtime", "ToleratedFailurePercentage"));
        cases.add(succeeds("aJsonataMachinesOutputIsAnExpressionOverStatesInput", jsonata,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\","
                        + "\"Output\":{\"total\":\"{% $sum($states.input.items) %}\",\"fixed\":1},\"End\":true}}}",
                "{\"items\":[1,2,3]}", "{\"total\":6,\"fixed\":1}"));
        cases.add(succeeds("aJsonataStateInAJsonPathMachineSeesTheContextObject", jsonata,
                one("Pass", "\"QueryLanguage\":\"JSONata\",\"Output\":\"{% $states.context.State.Name & '/' "
                        + "& $states.input.x %}\""), "{\"x\":\"y\"}", "\"S/y\""));
        cases.add(succeeds("assignedVariablesAreSeenByLaterStatesButNotByTheAssigningOne", "Passing data between "
                        + "states with variables",
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                        + "\"Assign\":{\"n\":\"{% $states.input.n * 10 %}\"},\"Next\":\"B\"},\"B\":{\"Type\":"
                        + "\"Pass\",\"Assign\":{\"n\":\"{% $n + 1 %}\",\"seen\":\"{% $n %}\"},\"Next\":\"C\"},"
                        + "\"C\":{\"Type\":\"Succeed\",\"Output\":{\"n\":\"{% $n %}\",\"seen\":\"{% $seen %}\"}}}}",
                "{\"n\":4}", "{\"n\":41,\"seen\":40}"));
        cases.add(succeeds("aJsonataChoiceGoesWhereTheFirstTrueConditionLeads", jsonata,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                        + "\"Choices\":[{\"Condition\":\"{% $states.input.n > 5 %}\",\"Next\":\"Big\"}],"
                        + "\"Default\":\"Small\"},\"Big\":{\"Type\":\"Pass\",\"Output\":\"big\",\"End\":true},"
                        + "\"Small\":{\"Type\":\"Pass\",\"Output\":\"small\",\"End\":true}}}",
                "{\"n\":9}", "\"big\""));
        cases.add(fails("aConditionThatIsNotBooleanFailsWithQueryEvaluationError", jsonata,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\","
                        + "\"Choices\":[{\"Condition\":\"{% $states.input.n %}\",\"Next\":\"D\"}]},"
                        + "\"D\":{\"Type\":\"Succeed\"}}}",
                "{\"n\":9}", "States.QueryEvaluationError", "boolean"));
        cases.add(fails("anUndefinedOutputFailsWithQueryEvaluationError", jsonata,
                one("Pass", "\"QueryLanguage\":\"JSONata\",\"Output\":\"{% $states.input.missing %}\""), "{}",
                "States.QueryEvaluationError", "undefined"));
        cases.add(fails("aJsonataFailStatesErrorAndCauseAreExpressions", jsonata,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\","
                        + "\"Error\":\"{% 'Bad' & $states.input.kind %}\",\"Cause\":\"{% 'n=' & $states.input.n %}\"}}}",
                "{\"kind\":\"Thing\",\"n\":3}", "BadThing", "n=3"));
        cases.add(succeeds("aJsonataParallelPassesItsArgumentsToEveryBranchAndOutputsOverTheirResults", jsonata,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\","
                        + "\"Arguments\":{\"v\":\"{% $states.input.n * 2 %}\"},\"Branches\":["
                        + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Output\":\"{% $states.input.v + 1 %}\","
                        + "\"End\":true}}},{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Pass\","
                        + "\"Output\":\"{% $states.input.v - 1 %}\",\"End\":true}}}],"
                        + "\"Output\":{\"sum\":\"{% $sum($states.result) %}\"},\"End\":true}}}",
                "{\"n\":5}", "{\"sum\":20}"));
        cases.add(succeeds("aJsonataMapRunsOverItsItemsWithItsItemSelector", jsonata,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\","
                        + "\"Items\":\"{% $states.input.rows %}\",\"ItemSelector\":{\"i\":\"{% $states.context.Map.Item.Index %}\","
                        + "\"v\":\"{% $states.context.Map.Item.Value %}\",\"k\":\"{% $states.input.k %}\"},"
                        + "\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                        + "\"Output\":\"{% $states.input.k & $states.input.i & $states.input.v %}\",\"End\":true}}},"
                        + "\"End\":true}}}",
                "{\"rows\":[\"a\",\"b\"],\"k\":\"#\"}", "[\"#0a\",\"#1b\"]"));
        cases.add(succeeds("aJsonataWaitTakesItsSecondsFromAnExpression", jsonata,
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\","
                        + "\"Seconds\":\"{% $states.input.s %}\",\"Output\":\"{% $states.input.s %}\",\"End\":true}}}",
                "{\"s\":0}", "0"));
        cases.add(succeeds("aBranchSeesTheVariablesAssignedBeforeIt", "Passing data between states with variables",
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
                        + "\"Assign\":{\"base\":10},\"Next\":\"P\"},\"P\":{\"Type\":\"Parallel\",\"Branches\":["
                        + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Pass\",\"Output\":\"{% $base + 1 %}\","
                        + "\"End\":true}}}],\"End\":true}}}",
                "{}", "[11]"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsAsAwsDocumentsIt(Case c) throws Exception {
        try (SfnClient sfn = cloud.client(SfnClient.builder())) {
            DescribeExecutionResponse done = StepFunctionsFixture.run(sfn, StepFunctionsFixture.role(cloud),
                    c.definition(), c.input());
            if (c.output() != null) {
                assertThat(done.status()).as(c.section() + "; error " + done.error() + ": " + done.cause())
                        .isEqualTo(ExecutionStatus.SUCCEEDED);
                JsonNode expected = JSON.readTree(c.output());
                assertThat(JSON.readTree(done.output())).as(c.section()).isEqualTo(expected);
            } else {
                assertThat(done.status()).as(c.section() + "; output " + done.output())
                        .isEqualTo(ExecutionStatus.FAILED);
                assertThat(done.error()).as(c.section()).isEqualTo(c.error());
                assertThat(done.cause()).as(c.section()).contains(c.cause());
            }
        }
    }
}
