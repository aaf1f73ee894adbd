using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Hardmax: 1 at the first maximum along the axis, 0 elsewhere; the axis and the opset conventions
/// are those of <see cref="AxisNormalizationKernel"/>.
/// </summary>
public sealed class Hardmax : AxisNormalizationKernel
{
    private Hardmax(KernelInfo info) : base(info)
    {
    }

    public static Kernel Create(KernelInfo info) => new Hardmax(info);

    protected override void Normalize<T>(ReadOnlySpan<T> x, Span<T> y, AxisLanes lanes)
    {
        int n = lanes.Length, stride = lanes.Stride;
        y.Clear();
        foreach (int start in lanes)
        {
            int best = 0;
            for (int k = 1; k < n; k++) if (x[start + k * stride] > x[start + best * stride]) best = k;
            y[start + best * stride] = T.One;
        }
    }
}
