using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>STFT, the windows and MelWeightMatrix beyond the conformance data.</summary>
public class SignalOperatorTests
{
    [Theory]
    [InlineData(1L, true)]
    [InlineData(0L, true)]
    [InlineData(0L, false)]
    public void STFT_matches_onnx_runtime(long onesided, bool withWindow)
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("x", DataType.Float, 2, 50, 1).Output("y", DataType.Float, null, null, null, null);
        m.Graph.Initializer("step", [4L], []).Initializer("len", [10L], []);
        if (withWindow) m.Graph.Initializer("w", [0.1f, 0.3f, 0.6f, 0.9f, 1f, 1f, 0.9f, 0.6f, 0.3f, 0.1f], 10);
        m.Graph.Node("STFT", ["x", "step", withWindow ? "w" : "", "len"], ["y"]).Attr("onesided", onesided);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["x"] = OpTester.Random("x", [2, 50, 1], 3) }, 1e-4, 1e-5);
    }

    [Theory]
    [InlineData("HannWindow", 1L, DataType.Float)]
    [InlineData("HannWindow", 0L, DataType.Double)]
    [InlineData("HammingWindow", 0L, DataType.Float)]
    [InlineData("BlackmanWindow", 1L, DataType.Double)]
    [InlineData("BlackmanWindow", 0L, DataType.Float16)]
    public void Windows_match_onnx_runtime(string op, long periodic, DataType type)
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("n", DataType.Int64).Output("y", type, null);
        m.Graph.Node(op, ["n"], ["y"]).Attr("periodic", periodic).Attr("output_datatype", (long)type);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["n"] = OpTester.Make<long>("n", DataType.Int64, [], 13) }, 1e-3, 1e-6);
    }

    [Theory]
    [InlineData(10, 64, 16000, 20f, 7600f)]
    [InlineData(5, 64, 8000, 0f, 3000f)]
    public void MelWeightMatrix_matches_onnx_runtime(int bins, int dft, int rate, float lower, float upper)
    {
        var m = new OnnxModelBuilder(17);
        m.Graph.Input("bins", DataType.Int32).Input("dft", DataType.Int32).Input("rate", DataType.Int32)
            .Input("lo", DataType.Float).Input("hi", DataType.Float).Output("y", DataType.Float, null, null);
        m.Graph.Node("MelWeightMatrix", ["bins", "dft", "rate", "lo", "hi"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["bins"] = OpTester.Make<int>("bins", DataType.Int32, [], bins),
            ["dft"] = OpTester.Make<int>("dft", DataType.Int32, [], dft),
            ["rate"] = OpTester.Make<int>("rate", DataType.Int32, [], rate),
            ["lo"] = OpTester.Make<float>("lo", DataType.Float, [], lower),
            ["hi"] = OpTester.Make<float>("hi", DataType.Float, [], upper),
        });
    }
}
