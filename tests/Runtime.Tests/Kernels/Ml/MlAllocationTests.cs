using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

/// <summary>The ai.onnx.ml kernels allocate nothing after the first run (numeric and label paths).</summary>
public class MlAllocationTests
{
    private static long AllocatedOverRuns(OnnxModelBuilder m, Dictionary<string, Tensor> inputs)
    {
        var compiled = ModelCompiler.Compile(OnnxImporter.Load(m.ToBytes(), null), new CompileOptions());
        using var model = EdgeMLModel.FromBytes(compiled.Bytes);
        using var session = new InferenceSession(model);
        foreach (var (name, t) in inputs) session.Input(name).CopyFrom(t);
        return AllocationMeter.SteadyStateBytes(session.Run, runsPerWindow: 25);
    }

    public static TheoryData<string> Models() => new(["regressor", "classifier-binary", "classifier-strings", "tree-ensemble", "linear-classifier", "linear-regressor",
        "svm-classifier", "svm-regressor", "scaler", "normalizer", "label-encoder", "one-hot", "zipmap", "imputer", "array-feature-extractor", "feature-vectorizer"]);

    [Theory]
    [MemberData(nameof(Models))]
    public void Runs_allocate_nothing_after_the_first(string name)
    {
        var x = RandomTrees.Input("X", RandomTrees.Inputs(1, 32, 3), 32, 3, DataType.Float);
        var inputs = MlModel.X(x);
        OnnxModelBuilder m;
        OnnxNodeBuilder n;
        void Io(OnnxGraphBuilder g, params string[] outputs)
        {
            g.Input("X", DataType.Float, 32, 3);
            foreach (var o in outputs) g.Output(o, o == "Y" && name.Contains("strings") ? DataType.String : o == "Y" && name.Contains("classifier") ? DataType.Int64 : DataType.Float, null);
        }
        switch (name)
        {
            case "regressor":
                (m, n) = MlModel.Single("TreeEnsembleRegressor", 3, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("n_targets", 2L).Attr("post_transform", "SOFTMAX");
                new RandomTrees(1, 5, 3, 4, rng => [(0, 1f), (1, (float)rng.NextDouble())]).SetV3(n, "target");
                break;
            case "classifier-binary" or "classifier-strings":
                (m, n) = MlModel.Single("TreeEnsembleClassifier", 3, g => Io(g, "Y", "Z"), ["X"], ["Y", "Z"]);
                if (name == "classifier-strings") n.Attr("classlabels_strings", new[] { "no", "yes" }); else n.Attr("classlabels_int64s", new long[] { 0, 1 });
                n.Attr("post_transform", "LOGISTIC");
                new RandomTrees(2, 5, 3, 4, rng => [(1, (float)rng.NextDouble() - 0.5f)]).SetV3(n, "class");
                break;
            case "tree-ensemble":
                (m, n) = MlModel.Single("TreeEnsemble", 5, g => Io(g, "Y"), ["X"], ["Y"], onnxOpset: 21);
                n.Attr("n_targets", 1L).Attr("tree_roots", new long[] { 0 }).Attr("nodes_featureids", new long[] { 1 })
                 .Attr("nodes_modes", ConstantTensor.From<byte>(DataType.UInt8, [1], [6]))
                 .Attr("nodes_splits", ConstantTensor.From<float>(DataType.Float, [1], [0f]))
                 .Attr("membership_values", ConstantTensor.From<float>(DataType.Float, [3], [0f, 1f, float.NaN]))
                 .Attr("nodes_truenodeids", new long[] { 0 }).Attr("nodes_trueleafs", new long[] { 1 })
                 .Attr("nodes_falsenodeids", new long[] { 1 }).Attr("nodes_falseleafs", new long[] { 1 })
                 .Attr("leaf_targetids", new long[] { 0, 0 }).Attr("leaf_weights", ConstantTensor.From<float>(DataType.Float, [2], [5f, 7f]));
                break;
            case "linear-classifier":
                (m, n) = MlModel.Single("LinearClassifier", 1, g => Io(g, "Y", "Z"), ["X"], ["Y", "Z"]);
                n.Attr("coefficients", new[] { 1f, 2, 3, -1, 0, 1, 0.5f, 0.5f, 0.5f }).Attr("intercepts", new[] { 0f, 1, -1 })
                 .Attr("classlabels_ints", new long[] { 1, 2, 3 }).Attr("post_transform", "SOFTMAX");
                break;
            case "linear-regressor":
                (m, n) = MlModel.Single("LinearRegressor", 1, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("coefficients", new[] { 1f, 2, 3 }).Attr("intercepts", new[] { 0.5f });
                break;
            case "svm-classifier":
                (m, n) = MlModel.Single("SVMClassifier", 1, g => Io(g, "Y", "Z"), ["X"], ["Y", "Z"]);
                n.Attr("kernel_type", "RBF").Attr("kernel_params", new[] { 0.5f, 0f, 1f }).Attr("vectors_per_class", new long[] { 1, 1, 1 })
                 .Attr("support_vectors", new[] { 0f, 0, 0, 1, 1, 1, -1, 0, 1 }).Attr("coefficients", new[] { 1f, -1, 0.5f, -0.5f, 1, -1 })
                 .Attr("rho", new[] { 0.1f, 0.2f, 0.3f }).Attr("prob_a", new[] { -1f, -2, -1.5f }).Attr("prob_b", new[] { 0f, 0.1f, -0.1f })
                 .Attr("classlabels_ints", new long[] { 0, 1, 2 });
                break;
            case "svm-regressor":
                (m, n) = MlModel.Single("SVMRegressor", 1, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("kernel_type", "POLY").Attr("kernel_params", new[] { 0.5f, 1f, 3f }).Attr("n_supports", 2L)
                 .Attr("support_vectors", new[] { 0f, 1, 0, 1, 0, 1 }).Attr("coefficients", new[] { 1f, -1 }).Attr("rho", new[] { 0.5f });
                break;
            case "scaler":
                (m, n) = MlModel.Single("Scaler", 1, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("offset", new[] { 1f, 2, 3 }).Attr("scale", new[] { 0.5f });
                break;
            case "normalizer":
                (m, n) = MlModel.Single("Normalizer", 1, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("norm", "L2");
                break;
            case "label-encoder":
                (m, n) = MlModel.Single("LabelEncoder", 2, g => { g.Input("X", DataType.Float, 32, 3); g.Output("Y", DataType.String, null); }, ["X"], ["Y"]);
                n.Attr("keys_floats", new[] { 0f, 0.25f }).Attr("values_strings", new[] { "zero", "quarter" });
                break;
            case "one-hot":
                (m, n) = MlModel.Single("OneHotEncoder", 1, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("cats_int64s", new long[] { 0, 1, -1 });
                break;
            case "zipmap":
                (m, n) = MlModel.Single("ZipMap", 1, g => { g.Input("X", DataType.Float, 32, 3); g.SequenceOfMapsOutput("Y", DataType.String, DataType.Float); }, ["X"], ["Y"]);
                n.Attr("classlabels_strings", new[] { "c", "a", "b" });
                break;
            case "imputer":
                (m, n) = MlModel.Single("Imputer", 1, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("imputed_value_floats", new[] { 0f }).Attr("replaced_value_float", float.NaN);
                break;
            case "array-feature-extractor":
                (m, _) = MlModel.Single("ArrayFeatureExtractor", 1, g => { Io(g, "Y"); g.Initializer("I", new long[] { 2, 0 }, 2); }, ["X", "I"], ["Y"]);
                break;
            default:
                (m, n) = MlModel.Single("FeatureVectorizer", 1, g => Io(g, "Y"), ["X"], ["Y"]);
                n.Attr("inputdimensions", new long[] { 4 });
                break;
        }
        Assert.Equal(0, AllocatedOverRuns(m, inputs));
    }
}
