using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// MatMulInteger (opset 10): numpy.matmul of int8/uint8 A and B minus their zero points (per
/// tensor, per row of A, per column of B), accumulated in int32.
/// </summary>
public sealed class MatMulInteger : Kernel
{
    private readonly IntegerMatMul _matmul = new();

    public static Kernel Create(KernelInfo info) => new MatMulInteger();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var aZeroPoint = context.OptionalInput(2);
        var bZeroPoint = context.OptionalInput(3);
        if (aZeroPoint != null && aZeroPoint.Type != a.Type) throw context.Error($"a_zero_point type {DataTypeInfo.Name(aZeroPoint.Type)} differs from A's {DataTypeInfo.Name(a.Type)}");
        if (bZeroPoint != null && bZeroPoint.Type != b.Type) throw context.Error($"b_zero_point type {DataTypeInfo.Name(bZeroPoint.Type)} differs from B's {DataTypeInfo.Name(b.Type)}");
        var y = context.Output(0);
        Span<long> shape = stackalloc long[Broadcast.MaxRank];
        try
        {
            int rank = IntegerMatMul.OutputShape(a.Shape, b.Shape, shape, out _, out _, out _, out _);
            y.Allocate(DataType.Int32, shape[..rank]);
            _matmul.Multiply(a, aZeroPoint, b, bZeroPoint, y.Span<int>());
        }
        catch (EdgeMLException e)
        {
            throw context.Error(e.Message);
        }
    }
}
