using EdgeML.Training.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace EdgeML.Training.Models;

/// <summary>Every candidate model by name, and the default candidates per task.</summary>
internal static class ModelCatalog
{
    private const string Features = "Features";
    private const string Weight = "Weight";

    public static IReadOnlyList<ModelTrainer> All { get; } =
    [
        new MlNetTrainer("lightgbm", [LearningTask.Binary, LearningTask.Multiclass, LearningTask.Regression, LearningTask.Ranking],
            new() { ["iterations"] = 100, ["leaves"] = 15, ["learningRate"] = 0.1, ["minLeaf"] = 5 },
            new()
            {
                ["iterations"] = new() { Min = 20, Max = 300, Integer = true, Log = true },
                ["leaves"] = new() { Min = 4, Max = 64, Integer = true, Log = true },
                ["learningRate"] = new() { Min = 0.02, Max = 0.4, Log = true },
            },
            (ml, task, p, _) =>
            {
                var iterations = (int)p("iterations");
                var leaves = (int)p("leaves");
                var rate = p("learningRate");
                var minLeaf = (int)p("minLeaf");
                return task switch
                {
                    LearningTask.Binary => ml.BinaryClassification.Trainers.LightGbm("Positive", Features, Weight, leaves, minLeaf, rate, iterations),
                    LearningTask.Multiclass => ml.MulticlassClassification.Trainers.LightGbm("ClassKey", Features, Weight, leaves, minLeaf, rate, iterations),
                    // LambdaMART: LightGBM's lambdarank objective.
                    LearningTask.Ranking => ml.Ranking.Trainers.LightGbm("Label", Features, "GroupKey", Weight, leaves, minLeaf, rate, iterations),
                    _ => ml.Regression.Trainers.LightGbm("Label", Features, Weight, leaves, minLeaf, rate, iterations),
                };
            }),
        new MlNetTrainer("fasttree", [LearningTask.Binary, LearningTask.Multiclass, LearningTask.Regression, LearningTask.Ranking],
            new() { ["trees"] = 100, ["leaves"] = 16, ["learningRate"] = 0.1, ["minLeaf"] = 5 },
            new()
            {
                ["trees"] = new() { Min = 20, Max = 300, Integer = true, Log = true },
                ["leaves"] = new() { Min = 4, Max = 64, Integer = true, Log = true },
                ["learningRate"] = new() { Min = 0.02, Max = 0.4, Log = true },
            },
            (ml, task, p, _) =>
            {
                int trees = (int)p("trees"), leaves = (int)p("leaves"), minLeaf = (int)p("minLeaf");
                var rate = p("learningRate");
                return task switch
                {
                    LearningTask.Binary => ml.BinaryClassification.Trainers.FastTree("Positive", Features, Weight, leaves, trees, minLeaf, rate),
                    // ML.NET's FastTree is binary only: one tree ensemble per class, Platt-calibrated, probabilities normalised.
                    LearningTask.Multiclass => OneVersusAll(ml, ml.BinaryClassification.Trainers.FastTree("ClassKey", Features, Weight, leaves, trees, minLeaf, rate)),
                    LearningTask.Ranking => ml.Ranking.Trainers.FastTree("Label", Features, "GroupKey", Weight, leaves, trees, minLeaf, rate),
                    _ => ml.Regression.Trainers.FastTree("Label", Features, Weight, leaves, trees, minLeaf, rate),
                };
            }),
        new MlNetTrainer("random_forest", [LearningTask.Binary, LearningTask.Multiclass, LearningTask.Regression],
            new() { ["trees"] = 100, ["leaves"] = 32, ["minLeaf"] = 3 },
            new() { ["trees"] = new() { Min = 20, Max = 300, Integer = true, Log = true }, ["leaves"] = new() { Min = 4, Max = 64, Integer = true, Log = true } },
            (ml, task, p, _) =>
            {
                int trees = (int)p("trees"), leaves = (int)p("leaves"), minLeaf = (int)p("minLeaf");
                // FastForest's binary score is a vote share, not a probability: Platt scaling calibrates it.
                return task switch
                {
                    LearningTask.Binary => ml.BinaryClassification.Trainers.FastForest("Positive", Features, Weight, leaves, trees, minLeaf)
                        .Append(ml.BinaryClassification.Calibrators.Platt("Positive")),
                    LearningTask.Multiclass => OneVersusAll(ml, ml.BinaryClassification.Trainers.FastForest("ClassKey", Features, Weight, leaves, trees, minLeaf)),
                    _ => ml.Regression.Trainers.FastForest("Label", Features, Weight, leaves, trees, minLeaf),
                };
            }),
        new MlNetTrainer("logistic", [LearningTask.Binary, LearningTask.Multiclass],
            new() { ["l2"] = 1 },
            new() { ["l2"] = new() { Min = 1e-4, Max = 10, Log = true } },
            (ml, task, p, _) => task == LearningTask.Binary
                ? ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                    { LabelColumnName = "Positive", FeatureColumnName = Features, ExampleWeightColumnName = Weight, L2Regularization = (float)p("l2") })
                : ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                    { LabelColumnName = "ClassKey", FeatureColumnName = Features, ExampleWeightColumnName = Weight, L2Regularization = (float)p("l2") })),
        new MlNetTrainer("linear", [LearningTask.Regression],
            new() { ["l2"] = 0.01 },
            new() { ["l2"] = new() { Min = 1e-5, Max = 1, Log = true } },
            (ml, _, p, _) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
                { LabelColumnName = "Label", FeatureColumnName = Features, ExampleWeightColumnName = Weight, L2Regularization = (float)p("l2"), MaximumNumberOfIterations = 200 })),
        new MlNetTrainer("svm", [LearningTask.Binary, LearningTask.Multiclass],
            new() { ["iterations"] = 20, ["lambda"] = 0.001 },
            new() { ["lambda"] = new() { Min = 1e-5, Max = 0.1, Log = true } },
            (ml, task, p, _) => task == LearningTask.Binary
                ? ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
                    { LabelColumnName = "Positive", FeatureColumnName = Features, ExampleWeightColumnName = Weight, NumberOfIterations = (int)p("iterations"), Lambda = (float)p("lambda") })
                    .Append(ml.BinaryClassification.Calibrators.Platt("Positive"))
                : OneVersusAll(ml, ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
                    { LabelColumnName = "ClassKey", FeatureColumnName = Features, ExampleWeightColumnName = Weight, NumberOfIterations = (int)p("iterations"), Lambda = (float)p("lambda") }))),
        new LinearSvrTrainer(),
        new HierarchicalClusteringTrainer(),
        new StackingTrainer(),
        new MlNetTrainer("kmeans", [LearningTask.Clustering],
            new() { ["clusters"] = 3 },
            new() { ["clusters"] = new() { Min = 2, Max = 10, Integer = true } },
            (ml, _, p, _) => ml.Clustering.Trainers.KMeans(Features, numberOfClusters: (int)p("clusters"))),
        new KNearestNeighboursTrainer(),
        new LinearDiscriminantTrainer(),
        new DecisionTreeTrainer(),
        new PcaAnomalyTrainer(),
    ];

    /// <summary>One binary model per class on the key label (the binary learner reads it as "ClassKey", which
    /// one-vs-all turns into "this class or not"); the per-class probabilities (Platt-calibrated where the binary
    /// learner is not) are normalised to sum to one.</summary>
    private static IEstimator<ITransformer> OneVersusAll<TModel>(MLContext ml, ITrainerEstimator<BinaryPredictionTransformer<TModel>, TModel> binary)
        where TModel : class =>
        ml.MulticlassClassification.Trainers.OneVersusAll(binary, labelColumnName: "ClassKey", useProbabilities: true);

    public static ModelTrainer Find(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new TrainingException($"unknown model '{name}' (known: {string.Join(", ", All.Select(t => t.Name))})");

    public static IReadOnlyList<ModelTrainer> Defaults(LearningTask task)
    {
        // Every default exports to ONNX and compiles to model.edgeml with predictions equal to the trained model's.
        string[] names = task switch
        {
            LearningTask.Binary => ["lightgbm", "fasttree", "random_forest", "logistic", "svm", "decision_tree", "knn", "lda", "stacking"],
            LearningTask.Multiclass => ["lightgbm", "fasttree", "random_forest", "logistic", "svm", "decision_tree", "knn", "lda", "stacking"],
            LearningTask.Regression => ["lightgbm", "fasttree", "random_forest", "linear", "svr", "decision_tree", "knn", "stacking"],
            LearningTask.Ranking => ["lightgbm", "fasttree"],
            LearningTask.Clustering => ["kmeans", "hierarchical"],
            LearningTask.Anomaly => ["pca"],
            _ => [],
        };
        return names.Select(Find).ToList();
    }
}
