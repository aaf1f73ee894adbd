using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// ConvInteger (opset 10): convolution of int8/uint8 x and w minus their zero points (x per tensor,
/// w per tensor or per output channel), accumulated in int32. Padding holds the zero point, so it
/// contributes nothing.
/// </summary>
public sealed class ConvInteger : Kernel
{
    private readonly IntegerConvolution _conv;

    private ConvInteger(IntegerConvolution conv) => _conv = conv;

    public static Kernel Create(KernelInfo info) => new ConvInteger(IntegerConvolution.FromAttributes(info));

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var xZeroPoint = context.OptionalInput(2);
        var wZeroPoint = context.OptionalInput(3);
        if (xZeroPoint != null && xZeroPoint.Type != x.Type) throw context.Error("x_zero_point must have the type of x");
        if (wZeroPoint != null && wZeroPoint.Type != w.Type) throw context.Error("w_zero_point must have the type of w");
        var y = context.Output(0);
        try
        {
            Span<long> shape = stackalloc long[Math.Max(x.Rank, 3)];
            Span<long> pads = stackalloc long[Math.Max(x.Rank - 2, 1)];
            int rank = _conv.OutputShape(x.Shape, w.Shape, shape, pads);
            y.Allocate(DataType.Int32, shape[..rank]);
            _conv.Run(x, xZeroPoint, w, wZeroPoint, null, y.Span<int>());
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
    }
}
