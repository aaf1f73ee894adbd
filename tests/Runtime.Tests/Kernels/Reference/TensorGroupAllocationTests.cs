using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Every kernel of the tensor group allocates no managed memory once it has run with a shape.</summary>
public class TensorGroupAllocationTests
{
    private static Tensor F(long[] shape, int seed = 1) => TensorData.Random("x" + seed, DataType.Float, shape, seed);

    public static TheoryData<string> Ops =>
    [
        "Shape", "Size", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Transpose", "Concat", "Split", "Slice", "Gather", "Expand", "Tile",
        "Pad", "ConstantOfShape", "Range", "Identity", "GatherElements", "GatherND", "Scatter", "ScatterElements", "ScatterND", "TensorScatter",
        "EyeLike", "OneHot", "NonZero", "TopK", "Unique", "Trilu", "Compress", "DepthToSpace", "SpaceToDepth", "ReverseSequence", "CenterCropPad",
        "Einsum", "Resize", "Upsample", "GridSample", "AffineGrid", "Col2Im",
    ];

    [Theory]
    [MemberData(nameof(Ops))]
    public void No_allocation_after_the_first_run(string op)
    {
        var (c, attributes) = Build(op);
        Assert.Equal(0, c.SteadyStateAllocatedBytes(op, attributes));
    }

    private static (TensorOpCase, Action<OnnxNodeBuilder>?) Build(string op)
    {
        var f = DataType.Float;
        switch (op)
        {
            case "Shape": return (new TensorOpCase(15).In(F([2, 3])).Out("y", DataType.Int64), n => n.Attr("start", 1L));
            case "Size": return (new TensorOpCase(13).In(F([2, 3])).Out("y", DataType.Int64), null);
            case "Reshape": return (new TensorOpCase(14).In(F([2, 3])).In(TensorData.Int64s("s", 3, -1)).Out("y", f), null);
            case "Flatten": return (new TensorOpCase(13).In(F([2, 3, 4])).Out("y", f), null);
            case "Squeeze": return (new TensorOpCase(13).In(F([2, 1, 3])).In(TensorData.Int64s("a", 1)).Out("y", f), null);
            case "Unsqueeze": return (new TensorOpCase(13).In(F([2, 3])).In(TensorData.Int64s("a", 0, 3)).Out("y", f), null);
            case "Transpose": return (new TensorOpCase(13).In(F([2, 3, 4])).Out("y", f), n => n.Attr("perm", new long[] { 1, 2, 0 }));
            case "Concat": return (new TensorOpCase(13).In(F([2, 3], 1)).In(F([2, 5], 2)).Out("y", f), n => n.Attr("axis", 1L));
            case "Split": return (new TensorOpCase(18).In(F([2, 7])).Out("a", f).Out("b", f), n => n.Attr("axis", 1L).Attr("num_outputs", 2L));
            case "Slice": return (new TensorOpCase(13).In(F([6, 6])).In(TensorData.Int64s("s", 5, 1)).In(TensorData.Int64s("e", 0, 6)).In(TensorData.Int64s("a", 0, 1)).In(TensorData.Int64s("t", -2, 2)).Out("y", f), null);
            case "Gather": return (new TensorOpCase(13).In(F([4, 3])).In(TensorData.Int64s("i", 3, -1, 0)).Out("y", f), null);
            case "Expand": return (new TensorOpCase(13).In(F([3, 1])).In(TensorData.Int64s("s", 2, 3, 4)).Out("y", f), null);
            case "Tile": return (new TensorOpCase(13).In(F([2, 3])).In(TensorData.Int64s("r", 2, 2)).Out("y", f), null);
            case "Pad": return (new TensorOpCase(19).In(F([3, 4])).In(TensorData.Int64s("p", 1, -1, 2, 3)).Out("y", f), n => n.Attr("mode", "reflect"));
            case "ConstantOfShape": return (new TensorOpCase(9).In(TensorData.Int64s("s", 2, 3)).Out("y", f), null);
            case "Range": return (new TensorOpCase(11).In(OpTester.Make<float>("a", f, [], 0f)).In(OpTester.Make<float>("b", f, [], 5f)).In(OpTester.Make<float>("c", f, [], 0.5f)).Out("y", f), null);
            case "Identity": return (new TensorOpCase(13).In(F([2, 3])).Out("y", f), null);
            case "GatherElements": return (new TensorOpCase(13).In(F([3, 3])).In(OpTester.Make<long>("i", DataType.Int64, [2, 3], 0, 1, 2, -1, 0, 1)).Out("y", f), null);
            case "GatherND": return (new TensorOpCase(13).In(F([3, 3])).In(OpTester.Make<long>("i", DataType.Int64, [2, 2], 0, 1, 2, 2)).Out("y", f), null);
            case "Scatter": return (new TensorOpCase(9).In(F([3, 3], 1)).In(OpTester.Make<long>("i", DataType.Int64, [1, 3], 0, 1, 2)).In(F([1, 3], 2)).Out("y", f), null);
            case "ScatterElements": return (new TensorOpCase(18).In(F([3, 3], 1)).In(OpTester.Make<long>("i", DataType.Int64, [1, 3], 0, 1, 2)).In(F([1, 3], 2)).Out("y", f), n => n.Attr("reduction", "max"));
            case "ScatterND": return (new TensorOpCase(18).In(F([3, 3], 1)).In(OpTester.Make<long>("i", DataType.Int64, [1, 1], 2)).In(F([1, 3], 2)).Out("y", f), n => n.Attr("reduction", "add"));
            case "TensorScatter": return (new TensorOpCase(24).In(F([2, 5, 3], 1)).In(F([2, 2, 3], 2)).In(TensorData.Int64s("w", 4, 0)).Out("y", f), n => n.Attr("axis", 1L).Attr("mode", "circular"));
            case "EyeLike": return (new TensorOpCase(9).In(F([3, 4])).Out("y", f), n => n.Attr("k", 1L));
            case "OneHot": return (new TensorOpCase(11).In(TensorData.Int64s("i", 1, 0, 3)).In(OpTester.Make<long>("d", DataType.Int64, [], 4)).In(TensorData.Floats("v", [2], 0, 1)).Out("y", f), null);
            case "NonZero": return (new TensorOpCase(13).In(TensorData.SmallInts("x", f, [3, 4], 2)).Out("y", DataType.Int64), null);
            case "TopK": return (new TensorOpCase(11).In(F([3, 8])).In(TensorData.Int64s("k", 3)).Out("v", f).Out("i", DataType.Int64), null);
            case "Unique": return (new TensorOpCase(11).In(TensorData.SmallInts("x", f, [4, 5], 4)).Out("y", f).Out("a", DataType.Int64).Out("b", DataType.Int64).Out("c", DataType.Int64), n => n.Attr("sorted", 0L));
            case "Trilu": return (new TensorOpCase(14).In(F([3, 4])).Out("y", f), null);
            case "Compress": return (new TensorOpCase(11).In(F([3, 4])).In(OpTester.Make<byte>("c", DataType.Bool, [3], 1, 0, 1)).Out("y", f), n => n.Attr("axis", 0L));
            case "DepthToSpace": return (new TensorOpCase(13).In(F([1, 8, 2, 2])).Out("y", f), n => n.Attr("blocksize", 2L));
            case "SpaceToDepth": return (new TensorOpCase(13).In(F([1, 2, 4, 4])).Out("y", f), n => n.Attr("blocksize", 2L));
            case "ReverseSequence": return (new TensorOpCase(10).In(F([4, 2])).In(TensorData.Int64s("l", 3, 4)).Out("y", f), null);
            case "CenterCropPad": return (new TensorOpCase(18).In(F([4, 5])).In(TensorData.Int64s("s", 6, 3)).Out("y", f), null);
            case "Einsum": return (new TensorOpCase(12).In(F([2, 3], 1)).In(F([3, 4], 2)).Out("y", f), n => n.Attr("equation", "ij,jk->ik"));
            case "Resize": return (new TensorOpCase(18).In(F([1, 1, 4, 4])).Skip().In(TensorData.Floats("s", [4], 1, 1, 0.6f, 1.5f)).Out("y", f), n => n.Attr("mode", "cubic").Attr("antialias", 1L));
            case "Upsample": return (new TensorOpCase(9).In(F([1, 1, 2, 2])).In(TensorData.Floats("s", [4], 1, 1, 2, 2)).Out("y", f), n => n.Attr("mode", "linear"));
            case "GridSample": return (new TensorOpCase(20).In(F([1, 2, 3, 4], 1)).In(F([1, 2, 2, 2], 2)).Out("y", f), n => n.Attr("mode", "cubic"));
            case "AffineGrid": return (new TensorOpCase(20).In(F([1, 2, 3])).In(TensorData.Int64s("s", 1, 1, 3, 4)).Out("y", f), null);
            case "Col2Im": return (new TensorOpCase(18).In(F([1, 4, 4])).In(TensorData.Int64s("i", 3, 3)).In(TensorData.Int64s("b", 2, 2)).Out("y", f), null);
            default: throw new ArgumentException(op);
        }
    }
}
