using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Softmax: exp(x − max) / Σ exp(x − max) along the axis; the axis and the opset conventions are
/// those of <see cref="AxisNormalizationKernel"/>.
/// </summary>
public sealed class Softmax : AxisNormalizationKernel
{
    private Softmax(KernelInfo info) : base(info)
    {
    }

    public static Softmax Create(KernelInfo info) => new(info);

    protected override void Normalize<T>(ReadOnlySpan<T> x, Span<T> y, AxisLanes lanes) => SoftmaxLoops.Softmax(x, y, lanes, log: false);
}
