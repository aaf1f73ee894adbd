using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LpNormalization: x / ‖x‖_p along axis (default −1, in every opset; p = 1 or 2); a zero norm
/// gives zeros. float16 and bfloat16 are computed in float32.
/// </summary>
public sealed class LpNormalization : AxisNormalizationKernel
{
    private readonly long _p;

    private LpNormalization(long axis, long p) : base(axis, flattenTo2D: false) => _p = p;

    public static Kernel Create(KernelInfo info)
    {
        long p = info.Attributes.GetInt("p", 2);
        if (p is not (1 or 2)) throw info.Error($"p {p} must be 1 or 2");
        return new LpNormalization(info.Attributes.GetInt("axis", -1), p);
    }

    protected override void Normalize<T>(ReadOnlySpan<T> x, Span<T> y, AxisLanes lanes)
    {
        int n = lanes.Length, stride = lanes.Stride;
        foreach (int start in lanes)
        {
            T norm = T.Zero;
            for (int k = 0; k < n; k++)
            {
                T v = x[start + k * stride];
                norm += _p == 1 ? T.Abs(v) : v * v;
            }
            if (_p == 2) norm = T.Sqrt(norm);
            for (int k = 0; k < n; k++) y[start + k * stride] = norm == T.Zero ? T.Zero : x[start + k * stride] / norm;
        }
    }
}
