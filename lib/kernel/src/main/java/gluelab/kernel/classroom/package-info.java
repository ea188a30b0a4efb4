/**
 * Grading a whole class: {@code ./lab grade submissions/}. Each learner's submission ({@link Submissions}: a
 * learner edition per folder, or nbgrader's {@code submitted/<student>/<assignment>/}) is copied into a workspace,
 * its check cells compared with the instructor's ({@link CheckCellIntegrity}), and run in a kernel JVM of its own
 * ({@link LearnerProcess} running {@link LearnerGrading}) under a resource prefix of its own
 * ({@link LearnerPrefixes}), several learners at a time against one Lab Cloud ({@link ClassGrader}). The class
 * gets one {@link Gradebook} CSV and each learner a {@link FeedbackPage}.
 */
package gluelab.kernel.classroom;
