using EdgeML.Runtime.Kernels.Common;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LogSoftmax: x − max − log Σ exp(x − max) along the axis; the axis and the opset conventions are
/// those of <see cref="AxisNormalizationKernel"/>.
/// </summary>
public sealed class LogSoftmax : AxisNormalizationKernel
{
    private LogSoftmax(KernelInfo info) : base(info)
    {
    }

    public static Kernel Create(KernelInfo info) => new LogSoftmax(info);

    protected override void Normalize<T>(ReadOnlySpan<T> x, Span<T> y, AxisLanes lanes) => SoftmaxLoops.Softmax(x, y, lanes, log: true);
}
