using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>A unary operator over every numeric type; <typeparamref name="TOp"/> is the function.</summary>
public sealed class NumericUnaryKernel<TOp> : Kernel where TOp : INumericUnary
{
    public static Kernel Create(KernelInfo info) => new NumericUnaryKernel<TOp>();

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        y.Allocate(x.Type, x.Shape);
        switch (x.Type)
        {
            case DataType.Float: Run<float>(x, y); break;
            case DataType.Double: Run<double>(x, y); break;
            case DataType.Float16: Run<Half>(x, y); break;
            case DataType.Int8: Run<sbyte>(x, y); break;
            case DataType.Int16: Run<short>(x, y); break;
            case DataType.Int32: Run<int>(x, y); break;
            case DataType.Int64: Run<long>(x, y); break;
            case DataType.UInt8: Run<byte>(x, y); break;
            case DataType.UInt16: Run<ushort>(x, y); break;
            case DataType.UInt32: Run<uint>(x, y); break;
            case DataType.UInt64: Run<ulong>(x, y); break;
            case DataType.BFloat16: UnaryLoops.Map<ushort, ushort, UnaryLoops.BFloat16NumericAdapter<TOp>>(x.ReadOnlySpan<ushort>(), y.Span<ushort>()); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(x.Type)} is not supported");
        }
    }

    private static void Run<T>(Tensor x, Tensor y) where T : unmanaged, System.Numerics.INumber<T>
        => UnaryLoops.Map<T, T, UnaryLoops.NumericAdapter<T, TOp>>(x.ReadOnlySpan<T>(), y.Span<T>());
}
