using EdgeML.Runtime.Model;
using EdgeML.Runtime.Tensors;
using EdgeML.TestSupport;

namespace EdgeML.Runtime.Tests.Kernels.Ml;

public class LabelEncoderTests
{
    [Fact]
    public void Opset1_strings_to_indices_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("LabelEncoder", 1, g => g.Input("X", DataType.String, 4).Output("Y", DataType.Int64, 4), ["X"], ["Y"]);
        n.Attr("classes_strings", new[] { "a", "b", "c" }).Attr("default_int64", 99L);
        var x = MlModel.Strings("X", [4], "c", "z", "a", "b");
        Assert.Equal([2L, 99L, 0L, 1L], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].ReadOnlySpan<long>().ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Fact]
    public void Opset1_indices_to_strings_match_onnx_runtime()
    {
        var (m, n) = MlModel.Single("LabelEncoder", 1, g => g.Input("X", DataType.Int64, 4).Output("Y", DataType.String, 4), ["X"], ["Y"]);
        n.Attr("classes_strings", new[] { "a", "b", "c" }).Attr("default_string", "none");
        OpTester.AssertMatchesOrt(m, MlModel.X(OpTester.Make("X", DataType.Int64, [4], 2L, 5L, 0L, -1L)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Floats_to_strings_with_nan_keys_match_onnx_runtime(int opset)
    {
        // A NaN key matches NaN inputs from opset 4 on (before, NaN falls to the default).
        var (m, n) = MlModel.Single("LabelEncoder", opset, g => g.Input("X", DataType.Float, 5).Output("Y", DataType.String, 5), ["X"], ["Y"]);
        n.Attr("keys_floats", new[] { 0.5f, -1f, float.NaN }).Attr("values_strings", new[] { "half", "minus one", "missing" }).Attr("default_string", "other");
        var x = OpTester.Make("X", DataType.Float, [5], -1f, float.NaN, 0.5f, 2f, 0.5f);
        Assert.Equal(["minus one", opset >= 4 ? "missing" : "other", "half", "other", "half"], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].Strings.ToArray());
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Int64_to_float_matches_onnx_runtime(int opset)
    {
        var (m, n) = MlModel.Single("LabelEncoder", opset, g => g.Input("X", DataType.Int64, 2, 3).Output("Y", DataType.Float, 2, 3), ["X"], ["Y"]);
        n.Attr("keys_int64s", new long[] { 1, 2, 3 }).Attr("values_floats", new[] { 0.1f, 0.2f, 0.3f }).Attr("default_float", 9f);
        OpTester.AssertMatchesOrt(m, MlModel.X(OpTester.Make("X", DataType.Int64, [2, 3], 3L, 2L, 1L, 0L, 7L, 2L)));
    }

    [Fact]
    public void Opset4_double_keys_to_int16_tensor_values()
    {
        // The specification allows these types; ONNX Runtime has no kernel for this pair.
        var (m, n) = MlModel.Single("LabelEncoder", 4, g => g.Input("X", DataType.Double, 4).Output("Y", DataType.Int16, 4), ["X"], ["Y"]);
        n.Attr("keys_tensor", ConstantTensor.From<double>(DataType.Double, [3], [1.5, 2.5, -3]))
         .Attr("values_tensor", ConstantTensor.From<short>(DataType.Int16, [3], [10, 20, 30]))
         .Attr("default_tensor", ConstantTensor.From<short>(DataType.Int16, [1], [-7]));
        var x = OpTester.Make("X", DataType.Double, [4], -3.0, 2.5, 0.0, 1.5);
        Assert.Equal([(short)30, (short)20, (short)-7, (short)10], OpTester.RunEdgeML(m.ToBytes(), MlModel.X(x))[0].ReadOnlySpan<short>().ToArray());
    }

    [Theory]
    [InlineData(DataType.String, DataType.Int64)]
    [InlineData(DataType.Int64, DataType.String)]
    [InlineData(DataType.Double, DataType.Double)]
    [InlineData(DataType.Int64, DataType.Double)]
    [InlineData(DataType.String, DataType.Int16)]
    public void Opset4_tensor_attributes_match_onnx_runtime(DataType keyType, DataType valueType)
    {
        var (m, n) = MlModel.Single("LabelEncoder", 4, g => g.Input("X", keyType, 4).Output("Y", valueType, 4), ["X"], ["Y"]);
        n.Attr("keys_tensor", Column(keyType, 0)).Attr("values_tensor", Column(valueType, 1)).Attr("default_tensor", Default(valueType));
        Tensor x = keyType switch
        {
            DataType.String => MlModel.Strings("X", [4], "k2", "nope", "k0", "k1"),
            DataType.Int64 => OpTester.Make("X", keyType, [4], 2L, 99L, 0L, 1L),
            _ => OpTester.Make("X", keyType, [4], 2.0, 99.0, 0.0, 1.0),
        };
        OpTester.AssertMatchesOrt(m, MlModel.X(x));
    }

    private static ConstantTensor Column(DataType type, int offset) => type switch
    {
        DataType.String => new ConstantTensor([3], offset == 0 ? ["k0", "k1", "k2"] : ["v10", "v11", "v12"]),
        DataType.Int64 => ConstantTensor.From<long>(type, [3], [0 + offset * 10, 1 + offset * 10, 2 + offset * 10]),
        DataType.Int16 => ConstantTensor.From<short>(type, [3], [(short)(offset * 10), (short)(1 + offset * 10), (short)(2 + offset * 10)]),
        _ => ConstantTensor.From<double>(type, [3], [offset * 10.5, 1 + offset * 10.5, 2 + offset * 10.5]),
    };

    private static ConstantTensor Default(DataType type) => type switch
    {
        DataType.String => new ConstantTensor([1], ["missing"]),
        DataType.Int64 => ConstantTensor.From<long>(type, [1], [-5]),
        DataType.Int16 => ConstantTensor.From<short>(type, [1], [-5]),
        _ => ConstantTensor.From<double>(type, [1], [-5.5]),
    };
}
