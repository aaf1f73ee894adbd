using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>A broadcasting binary operator over every numeric element type; the operation is
/// <typeparamref name="TOp"/>. bfloat16 is computed in float32 and rounded back.</summary>
public sealed class NumericBinaryKernel<TOp> : Kernel where TOp : INumericBinary
{
    public static Kernel Create(KernelInfo info) => new NumericBinaryKernel<TOp>();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (a.Type != b.Type) throw context.Error($"input types differ: {DataTypeInfo.Name(a.Type)} and {DataTypeInfo.Name(b.Type)}");
        switch (a.Type)
        {
            case DataType.Float: BinaryLoops.Apply<float, TOp>(a, b, y); break;
            case DataType.Double: BinaryLoops.Apply<double, TOp>(a, b, y); break;
            case DataType.Float16: BinaryLoops.Apply<Half, TOp>(a, b, y); break;
            case DataType.Int8: BinaryLoops.Apply<sbyte, TOp>(a, b, y); break;
            case DataType.Int16: BinaryLoops.Apply<short, TOp>(a, b, y); break;
            case DataType.Int32: BinaryLoops.Apply<int, TOp>(a, b, y); break;
            case DataType.Int64: BinaryLoops.Apply<long, TOp>(a, b, y); break;
            case DataType.UInt8: BinaryLoops.Apply<byte, TOp>(a, b, y); break;
            case DataType.UInt16: BinaryLoops.Apply<ushort, TOp>(a, b, y); break;
            case DataType.UInt32: BinaryLoops.Apply<uint, TOp>(a, b, y); break;
            case DataType.UInt64: BinaryLoops.Apply<ulong, TOp>(a, b, y); break;
            case DataType.BFloat16:
                BinaryLoops.AllocateBroadcast(a, b, y, a.Type);
                BinaryLoops.Map<ushort, ushort, BFloat16Adapter>(a.ReadOnlySpan<ushort>(), a.Shape, b.ReadOnlySpan<ushort>(), b.Shape, y.Span<ushort>(), y.Shape);
                break;
            default: throw context.Error($"element type {DataTypeInfo.Name(a.Type)} is not supported");
        }
    }

    private readonly struct BFloat16Adapter : BinaryLoops.IMap<ushort, ushort>
    {
        public static ushort Apply(ushort a, ushort b) => BFloat16.FromSingle(TOp.Apply(BFloat16.ToSingle(a), BFloat16.ToSingle(b)));
    }
}
