using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class SequenceAtTests
{
    [Theory]
    [InlineData(0L, DataType.Int64)]
    [InlineData(2L, DataType.Int32)]
    [InlineData(-1L, DataType.Int64)]
    [InlineData(-3L, DataType.Int32)]
    public void Positions_match_onnx_runtime(long position, DataType positionType)
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", DataType.Float).Input("pos", positionType).Output("y", DataType.Float, null);
        m.Graph.Node("SequenceAt", ["seq", "pos"], ["y"]);
        OpTester.AssertMatchesOrt(m, new Dictionary<string, Tensor>
        {
            ["seq"] = SequenceTestData.Floats("seq", [2, 3], [4], [1, 1, 2]),
            ["pos"] = SequenceTestData.Scalar("pos", positionType, position),
        });
    }

    [Fact]
    public void Out_of_range_position_is_a_clear_error()
    {
        var m = new OnnxModelBuilder(11);
        m.Graph.SequenceInput("seq", DataType.Float).Input("pos", DataType.Int64).Output("y", DataType.Float, null);
        m.Graph.Node("SequenceAt", ["seq", "pos"], ["y"]);
        var e = Assert.Throws<EdgeMLException>(() => OpTester.RunEdgeML(m.ToBytes(), new Dictionary<string, Tensor>
        {
            ["seq"] = SequenceTestData.Floats("seq", [2], [2]),
            ["pos"] = SequenceTestData.Scalar("pos", DataType.Int64, 2),
        }));
        Assert.Contains("position 2 is out of range [-2, 1]", e.Message);
    }
}
