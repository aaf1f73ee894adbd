using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The kernel of HannWindow, HammingWindow and BlackmanWindow (opset 17): a generalised cosine
/// window of the length given by the scalar input, periodic (default) or symmetric, written as
/// <c>output_datatype</c> (default float32). Values are computed in double.
/// </summary>
public sealed class WindowKernel : Kernel
{
    private readonly bool _periodic;
    private readonly DataType _type;
    private readonly double _a0, _a1, _a2;

    private WindowKernel(bool periodic, DataType type, double a0, double a1, double a2)
    {
        _periodic = periodic;
        _type = type;
        _a0 = a0;
        _a1 = a1;
        _a2 = a2;
    }

    /// <summary>A factory for the window w[n] = a0 - a1 cos(2 pi n / N) + a2 cos(4 pi n / N).</summary>
    public static KernelFactory Factory(double a0, double a1, double a2) => info =>
    {
        var type = (DataType)info.Attributes.GetInt("output_datatype", (long)DataType.Float);
        if (!SignalMath.IsWritableNumber(type)) throw info.Error($"output_datatype {(int)type} is not a numeric type");
        return new WindowKernel(info.Attributes.GetInt("periodic", 1) != 0, type, a0, a1, a2);
    };

    public override void Execute(KernelContext context)
    {
        long size;
        try
        {
            size = KernelHelpers.ReadInt64Scalar(context.Input(0));
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
        if (size < 0) throw context.Error($"window size must not be negative, not {size}");
        var y = context.Output(0);
        Span<long> shape = stackalloc long[] { size };
        y.Allocate(_type, shape);
        SignalMath.CosineWindow(y, size, _periodic, _a0, _a1, _a2);
    }
}
