using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SequenceEraseTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(2L)]
    [InlineData(-1L)]
    [InlineData(-3L)]
    public void Positions_match_onnx_runtime(long position)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", DataType.Float).Input("pos", DataType.Int32).SequenceOutput("y", DataType.Float);
        m.Graph.Node("SequenceErase", ["seq", "pos"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["seq"] = SequenceTestData.Floats("seq", [2], [3], [1, 2]),
            ["pos"] = SequenceTestData.Scalar("pos", DataType.Int32, position),
        });
    }

    [Fact]
    public void Without_position_erases_the_last_and_matches_onnx_runtime()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", DataType.Float).SequenceOutput("y", DataType.Float);
        m.Graph.Node("SequenceErase", ["seq"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor> { ["seq"] = SequenceTestData.Floats("seq", [2], [3, 1]) });
    }
}
