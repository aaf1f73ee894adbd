using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class GeluTests
{
    private static readonly double[] X = [-4.0, -2.5, -1.5, -0.3, 0.0, 1e-4, 0.1, 0.5, 1.0, 2.0, 2.49, 2.51, 3.0, 4.0, 6.0];

    // 0.5 x (1 + erf(x / sqrt 2)) and the tanh form, from Python's math module.
    private static readonly double[] Exact = [-0.00012668496733247991, -0.015524163314440398, -0.10021080190328713, -0.1146265733433142, 0.0, 5.000398942279737e-05, 0.053982783727702904, 0.34573123063700656, 0.8413447460685429, 1.9544997361036416, 2.4740959846352917, 2.494848239218164, 2.99595030590511, 3.9998733150326675, 5.999999994080474];
    private static readonly double[] Tanh = [-7.024594819227126e-05, -0.015084266089998577, -0.10042842301976707, -0.11462907645724074, 0.0, 5.000398942279734e-05, 0.053982751045435165, 0.34571400982514394, 0.8411919906082768, 1.954597694087775, 2.4745323895392866, 2.4952914537633886, 2.996362607918227, 3.9999297540518075, 5.9999999999156035];

    [Theory]
    [InlineData("none")]
    [InlineData("tanh")]
    public void Double_matches_reference_values(string approximate)
    {
        var input = new TestInput(DataType.Double, [X.Length]);
        var y = ElementwiseTesting.Run(20, "Gelu", [input], DataType.Double, new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Double, [X.Length], X) },
            n => n.Attr("approximate", approximate));
        var expected = approximate == "none" ? Exact : Tanh;
        var actual = y.ReadOnlySpan<double>();
        for (int i = 0; i < X.Length; i++) Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-15 + 1e-13 * Math.Abs(expected[i]), $"gelu({X[i]}) = {actual[i]:R}, expected {expected[i]:R}");
    }

    [Theory]
    [InlineData(DataType.Float, "none")]
    [InlineData(DataType.Float, "tanh")]
    [InlineData(DataType.Float16, "none")]
    [InlineData(DataType.Float16, "tanh")]
    public void Matches_onnx_runtime(DataType type, string approximate)
        => ElementwiseTesting.AssertMatchesOrt(20, "Gelu", [new TestInput(type, [3, 20], -5, 5)], type, n => n.Attr("approximate", approximate),
            rtol: type == DataType.Float16 ? 1e-3 : 1e-5, atol: 1e-6);

    [Fact]
    public void Unknown_approximation_is_an_error()
    {
        var e = Assert.ThrowsAny<Exception>(() => ElementwiseTesting.Run(20, "Gelu", [new TestInput(DataType.Float, [2])], DataType.Float,
            new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Float, [2], 1f, 2f) }, n => n.Attr("approximate", "cubic")));
        Assert.Contains("approximate 'cubic'", e.Message);
    }
}
