using System.Numerics;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>A binary operation on the bits of an integer type (BitwiseAnd, BitShift, ...).</summary>
public interface IBitwiseBinary
{
    static abstract T Apply<T>(T a, T b) where T : IBinaryInteger<T>;
}

/// <summary>A broadcasting operator over the integer types (int8 to uint64); <typeparamref name="TOp"/> is the function.</summary>
public sealed class BitwiseBinaryKernel<TOp> : Kernel where TOp : IBitwiseBinary
{
    public static Kernel Create(KernelInfo info) => new BitwiseBinaryKernel<TOp>();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (a.Type != b.Type) throw context.Error($"input types differ: {DataTypeInfo.Name(a.Type)} and {DataTypeInfo.Name(b.Type)}");
        switch (a.Type)
        {
            case DataType.Int8: Run<sbyte>(a, b, y); break;
            case DataType.Int16: Run<short>(a, b, y); break;
            case DataType.Int32: Run<int>(a, b, y); break;
            case DataType.Int64: Run<long>(a, b, y); break;
            case DataType.UInt8: Run<byte>(a, b, y); break;
            case DataType.UInt16: Run<ushort>(a, b, y); break;
            case DataType.UInt32: Run<uint>(a, b, y); break;
            case DataType.UInt64: Run<ulong>(a, b, y); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(a.Type)} is not supported (integers only)");
        }
    }

    private static void Run<T>(Tensor a, Tensor b, Tensor y) where T : unmanaged, IBinaryInteger<T>
    {
        BinaryLoops.AllocateBroadcast(a, b, y, a.Type);
        BinaryLoops.Map<T, T, Adapter<T>>(a.ReadOnlySpan<T>(), a.Shape, b.ReadOnlySpan<T>(), b.Shape, y.Span<T>(), y.Shape);
    }

    private readonly struct Adapter<T> : BinaryLoops.IMap<T, T> where T : IBinaryInteger<T>
    {
        public static T Apply(T a, T b) => TOp.Apply(a, b);
    }
}
