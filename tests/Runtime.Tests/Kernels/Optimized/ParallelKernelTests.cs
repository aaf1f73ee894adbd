using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Optimized;

/// <summary>Kernels that split their work over a session's worker threads compute what they compute
/// on one thread (products split by columns or rows, depthwise convolutions by channels).</summary>
public class ParallelKernelTests
{
    public static TheoryData<string> Cases => new("pointwise", "im2col", "depthwise", "matmul", "narrow", "gemm");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Two_threads_match_one(string kind)
    {
        var m = new OnnxModelBuilder(13);
        long[] xShape = kind switch
        {
            "matmul" => [3, 70, 200],
            "narrow" => [1, 1, 700],
            "gemm" => [130, 300],
            _ => [1, 24, 33, 41],
        };
        m.Graph.Input("x", DataType.Float, xShape.Cast<object?>().ToArray()).Output("y", DataType.Float, null);
        switch (kind)
        {
            case "pointwise":
                m.Graph.Initializer("w", OpTester.Random("w", [50, 24, 1, 1], 2).ReadOnlySpan<float>().ToArray(), 50, 24, 1, 1);
                m.Graph.Initializer("b", OpTester.Random("b", [50], 3).ReadOnlySpan<float>().ToArray(), 50);
                m.Graph.Node("Conv", ["x", "w", "b"], ["c"]);
                m.Graph.Node("Relu", ["c"], ["y"]);
                break;
            case "im2col":
                m.Graph.Initializer("w", OpTester.Random("w", [37, 24, 3, 3], 2).ReadOnlySpan<float>().ToArray(), 37, 24, 3, 3);
                m.Graph.Node("Conv", ["x", "w"], ["y"]).Attr("pads", new long[] { 1, 1, 1, 1 }).Attr("strides", new long[] { 1, 2 });
                break;
            case "depthwise":
                m.Graph.Initializer("w", OpTester.Random("w", [24, 1, 5, 5], 2).ReadOnlySpan<float>().ToArray(), 24, 1, 5, 5);
                m.Graph.Node("Conv", ["x", "w"], ["y"]).Attr("group", 24L).Attr("pads", new long[] { 2, 2, 2, 2 });
                break;
            case "matmul":
                m.Graph.Initializer("w", OpTester.Random("w", [200, 150], 2).ReadOnlySpan<float>().ToArray(), 200, 150);
                m.Graph.Node("MatMul", ["x", "w"], ["y"]);
                break;
            case "narrow":
                m.Graph.Initializer("w", OpTester.Random("w", [257, 1, 128], 2).ReadOnlySpan<float>().ToArray(), 257, 1, 128);
                m.Graph.Node("Conv", ["x", "w"], ["y"]).Attr("strides", new long[] { 80 });
                break;
            case "gemm":
                m.Graph.Initializer("w", OpTester.Random("w", [190, 300], 2).ReadOnlySpan<float>().ToArray(), 190, 300);
                m.Graph.Initializer("c", OpTester.Random("c", [130, 190], 3).ReadOnlySpan<float>().ToArray(), 130, 190);
                m.Graph.Node("Gemm", ["x", "w", "c"], ["y"]).Attr("transB", 1L).Attr("alpha", 0.5f).Attr("beta", 2f);
                break;
        }
        var x = OpTester.Random("x", xShape, 1);
        foreach (bool optimize in new[] { false, true })
        {
            var compiled = ModelCompiler.Compile(OnnxImporter.Load(m.ToBytes(), null), new CompileOptions { Optimize = optimize });
            using var model = EdgeMLModel.FromBytes(compiled.Bytes);
            using var one = new InferenceSession(model);
            using var two = new InferenceSession(model, new SessionOptions { IntraOpThreads = 2 });
            one.Input(0).CopyFrom(x);
            two.Input(0).CopyFrom(x);
            one.Run();
            for (int r = 0; r < 3; r++) two.Run();
            var result = TensorComparison.Compare(two.Output(0), one.Output(0), 1e-5, 1e-5);
            Assert.True(result.Equal, $"{kind} optimize={optimize}: {result.Reason}");
        }
    }
}
