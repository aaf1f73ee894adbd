using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Tests.Kernels.Reference;

public class ErfTests
{
    private static readonly double[] X = [-4.0, -2.5, -1.5, -0.3, 0.0, 1e-4, 0.1, 0.5, 1.0, 2.0, 2.49, 2.51, 3.0, 4.0, 6.0];

    // math.erf of the C library (Python), independent of EdgeML's series and continued fraction.
    private static readonly double[] Erf = [-0.9999999845827421, -0.999593047982555, -0.9661051464753108, -0.3286267594591274, 0.0, 0.00011283791633342487, 0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 0.9995707121322661, 0.9996142945182758, 0.9999779095030014, 0.9999999845827421, 1.0];

    [Fact]
    public void Double_is_accurate_to_double_precision()
    {
        var input = new TestInput(DataType.Double, [X.Length]);
        var y = ElementwiseTesting.Run(13, "Erf", [input], DataType.Double, new() { ["x0"] = ElementwiseTesting.Make("x0", DataType.Double, [X.Length], X) });
        var actual = y.ReadOnlySpan<double>();
        for (int i = 0; i < X.Length; i++) Assert.True(Math.Abs(actual[i] - Erf[i]) <= 2e-16 + 1e-14 * Math.Abs(Erf[i]), $"erf({X[i]}) = {actual[i]:R}, expected {Erf[i]:R}");
    }

    [Theory]
    [InlineData(DataType.Float)]
    [InlineData(DataType.Float16)]
    public void Matches_onnx_runtime(DataType type)
        => ElementwiseTesting.AssertMatchesOrt(13, "Erf", [new TestInput(type, [4, 25], -5, 5)], type, rtol: type == DataType.Float16 ? 1e-3 : 1e-5, atol: 1e-6);

    [Fact]
    public void BFloat16_matches_reference()
        => ElementwiseTesting.AssertUnaryMatchesReference(13, "Erf", DataType.BFloat16, ErfOf, -3, 3, rtol: 8e-3);

    private static double ErfOf(double x)
    {
        // Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7): plenty for bfloat16, and independent of the kernel.
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return x < 0 ? -y : y;
    }
}
