using EdgeML.Compiler.Onnx;
using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

/// <summary>Data movement of 4-bit packed types (two elements per byte, low nibble first). ONNX Runtime's
/// CPU provider has no 4-bit kernels for these operators, so EdgeML on int4/uint4 is compared with
/// ONNX Runtime on the same values widened to int8/uint8.</summary>
public class PackedTypeTests
{
    private static Tensor Packed(string name, DataType type, long[] shape, int seed = 1)
    {
        var t = new Tensor(name);
        t.Allocate(type, shape);
        var rng = new Random(seed);
        var bytes = t.Bytes;
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)rng.Next(0, 256);
        if (t.Length % 2 == 1) bytes[^1] &= 0x0F;
        return t;
    }

    private static int Nibble(Tensor t, int i)
    {
        int v = (t.Bytes[i / 2] >> (i % 2 * 4)) & 0xF;
        return t.Type == DataType.Int4 && v >= 8 ? v - 16 : v;
    }

    private static Tensor Widen(Tensor t)
    {
        var w = new Tensor(t.Name);
        w.Allocate(t.Type == DataType.Int4 ? DataType.Int8 : DataType.UInt8, t.Shape);
        for (int i = 0; i < t.Length; i++) w.Bytes[i] = (byte)Nibble(t, i);
        return w;
    }

    /// <summary>Runs <paramref name="op"/> on the packed input (EdgeML) and on its widened copy (ONNX Runtime) and compares.</summary>
    private static void Check(int opset, string op, Tensor x, Tensor[] rest, Action<OnnxNodeBuilder>? attributes = null)
    {
        var packed = new TensorOpCase(opset).In(x);
        var wide = new TensorOpCase(opset).In(Widen(x));
        foreach (var r in rest)
        {
            packed.In(r);
            wide.In(r);
        }
        var actual = packed.Out("y", x.Type).RunEdgeML(op, attributes)[0];
        var expected = wide.Out("y", x.Type == DataType.Int4 ? DataType.Int8 : DataType.UInt8).RunOrt(op, attributes)[0];
        Assert.Equal(expected.Shape.ToArray(), actual.Shape.ToArray());
        Assert.Equal(x.Type, actual.Type);
        for (int i = 0; i < expected.Length; i++) Assert.Equal((int)(x.Type == DataType.Int4 ? (sbyte)expected.Bytes[i] : expected.Bytes[i]), Nibble(actual, i));
    }

    [Theory]
    [InlineData(DataType.Int4)]
    [InlineData(DataType.UInt4)]
    public void Transpose_odd_shapes(DataType type)
        => Check(21, "Transpose", Packed("x", type, [3, 5, 3]), [], n => n.Attr("perm", new long[] { 2, 0, 1 }));

    [Theory]
    [InlineData(DataType.Int4)]
    [InlineData(DataType.UInt4)]
    public void Reshape_squeeze_flatten(DataType type)
    {
        Check(21, "Reshape", Packed("x", type, [3, 5]), [TensorData.Int64s("s", 5, -1)]);
        Check(21, "Squeeze", Packed("x", type, [1, 3, 1]), [TensorData.Int64s("a", 0)]);
        Check(21, "Flatten", Packed("x", type, [3, 1, 3]), [], n => n.Attr("axis", 2L));
    }

    [Theory]
    [InlineData("constant")]
    [InlineData("edge")]
    [InlineData("reflect")]
    [InlineData("wrap")]
    public void Pad(string mode) => Check(21, "Pad", Packed("x", DataType.Int4, [3, 3]), [TensorData.Int64s("p", 1, 0, 2, -1)], n => n.Attr("mode", mode));

    [Theory]
    [InlineData(DataType.Int4)]
    [InlineData(DataType.UInt4)]
    public void Slice_gather_concat_split_tile(DataType type)
    {
        // ONNX lists no 4-bit type for these operators, but their kernels move any element type.
        Check(13, "Slice", Packed("x", type, [5, 3]), [TensorData.Int64s("s", -1), TensorData.Int64s("e", -100), TensorData.Int64s("a", 0), TensorData.Int64s("t", -2)]);
        Check(13, "Gather", Packed("x", type, [5, 3]), [TensorData.Int64s("i", 4, -1, 0)], n => n.Attr("axis", 0L));
        Check(13, "Tile", Packed("x", type, [3, 1]), [TensorData.Int64s("r", 1, 3)]);
        Check(13, "Concat", Packed("x", type, [3, 1]), [], n => n.Attr("axis", 0L));
    }

    [Fact]
    public void Constant_of_shape_with_an_int4_value()
    {
        var y = new TensorOpCase(21).In(TensorData.Int64s("s", 3, 3)).Out("y", DataType.Int4)
            .RunEdgeML("ConstantOfShape", n => n.Attr("value", new ConstantTensor(DataType.Int4, [1], [0x0D])))[0];
        Assert.Equal(new long[] { 3, 3 }, y.Shape.ToArray());
        for (int i = 0; i < 9; i++) Assert.Equal(-3, Nibble(y, i));
    }
}
