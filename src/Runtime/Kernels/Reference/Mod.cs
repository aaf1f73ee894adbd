using System.Numerics;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Mod: the remainder of a / b with broadcasting. With <c>fmod=0</c> (the default, integers only) it
/// takes the sign of the divisor, like Python's %; with <c>fmod=1</c> the sign of the dividend,
/// like C's fmod (required for floating-point inputs). An integer modulo zero gives 0, as in NumPy
/// (ONNX leaves it undefined).
/// </summary>
public sealed class Mod : Kernel
{
    private readonly bool _fmod;

    private Mod(bool fmod) => _fmod = fmod;

    public static Kernel Create(KernelInfo info) => new Mod(info.Attributes.GetInt("fmod", 0) != 0);

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (a.Type != b.Type) throw context.Error($"input types differ: {DataTypeInfo.Name(a.Type)} and {DataTypeInfo.Name(b.Type)}");
        if (!_fmod && DataTypeInfo.IsFloat(a.Type)) throw context.Error("fmod must be 1 for floating-point inputs");
        switch (a.Type)
        {
            case DataType.Float: BinaryLoops.Apply<float, TruncatedRemainder>(a, b, y); break;
            case DataType.Double: BinaryLoops.Apply<double, TruncatedRemainder>(a, b, y); break;
            case DataType.Float16: BinaryLoops.Apply<Half, TruncatedRemainder>(a, b, y); break;
            case DataType.BFloat16:
                BinaryLoops.AllocateBroadcast(a, b, y, a.Type);
                BinaryLoops.Map<ushort, ushort, BFloat16Remainder>(a.ReadOnlySpan<ushort>(), a.Shape, b.ReadOnlySpan<ushort>(), b.Shape, y.Span<ushort>(), y.Shape);
                break;
            case DataType.Int8: RunInteger<sbyte>(a, b, y); break;
            case DataType.Int16: RunInteger<short>(a, b, y); break;
            case DataType.Int32: RunInteger<int>(a, b, y); break;
            case DataType.Int64: RunInteger<long>(a, b, y); break;
            case DataType.UInt8: RunInteger<byte>(a, b, y); break;
            case DataType.UInt16: RunInteger<ushort>(a, b, y); break;
            case DataType.UInt32: RunInteger<uint>(a, b, y); break;
            case DataType.UInt64: RunInteger<ulong>(a, b, y); break;
            default: throw context.Error($"element type {DataTypeInfo.Name(a.Type)} is not supported");
        }
    }

    private void RunInteger<T>(Tensor a, Tensor b, Tensor y) where T : unmanaged, IBinaryInteger<T>
    {
        if (_fmod) BinaryLoops.Apply<T, TruncatedRemainder>(a, b, y);
        else BinaryLoops.Apply<T, FlooredRemainder>(a, b, y);
    }

    /// <summary>C's fmod: a - b * trunc(a / b), the sign of a. For integers, x % 0 is 0 and x % -1 is 0
    /// even for the most negative integer (where .NET would throw).</summary>
    private readonly struct TruncatedRemainder : INumericBinary
    {
        public static T Apply<T>(T a, T b) where T : INumber<T>
        {
            if (!KernelMath.IsFloatingPoint<T>() && (b == T.Zero || (T.IsNegative(b) && b == -T.One))) return T.Zero;
            return a % b;
        }
    }

    /// <summary>Python's %: a - b * floor(a / b), the sign of b.</summary>
    private readonly struct FlooredRemainder : INumericBinary
    {
        public static T Apply<T>(T a, T b) where T : INumber<T>
        {
            T r = TruncatedRemainder.Apply(a, b);
            return r != T.Zero && T.IsNegative(r) != T.IsNegative(b) ? r + b : r;
        }
    }

    private readonly struct BFloat16Remainder : BinaryLoops.IMap<ushort, ushort>
    {
        public static ushort Apply(ushort a, ushort b) => BFloat16.FromSingle(BFloat16.ToSingle(a) % BFloat16.ToSingle(b));
    }
}
