using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Pow: a^b with broadcasting; the exponent may have another numeric type than the base (opset 12+),
/// and the result has the base's type. Integer base and exponent multiply exactly in 64 bits
/// (wrapping like C; a negative exponent gives the truncated 1 / a^-b); everything else is computed
/// in double precision and converted to the base type (integers truncated towards zero).
/// </summary>
public sealed class Pow : Kernel
{
    // Inputs and result widened to float64 or int64: scratch tensors grown once.
    private readonly Tensor _base = new("pow.base");
    private readonly Tensor _exponent = new("pow.exponent");
    private readonly Tensor _result = new("pow.result");
    private readonly TensorCaster _caster = new(saturate: true, E8M0Rounding.Up);

    public static Kernel Create(KernelInfo info) => new Pow();

    public override void Execute(KernelContext context)
    {
        var a = context.Input(0);
        var b = context.Input(1);
        var y = context.Output(0);
        if (!IsNumeric(a.Type)) throw context.Error($"base type {DataTypeInfo.Name(a.Type)} is not supported");
        if (!IsNumeric(b.Type)) throw context.Error($"exponent type {DataTypeInfo.Name(b.Type)} is not supported");
        if (a.Type == DataType.Float && b.Type == DataType.Float)
        {
            BinaryLoops.AllocateBroadcast(a, b, y, DataType.Float);
            BinaryLoops.Map<float, float, SinglePower>(a.ReadOnlySpan<float>(), a.Shape, b.ReadOnlySpan<float>(), b.Shape, y.Span<float>(), y.Shape);
            return;
        }
        bool integers = IsInteger(a.Type) && IsInteger(b.Type);
        var wide = integers ? DataType.Int64 : DataType.Double;
        _caster.Cast(a, _base, wide);
        _caster.Cast(b, _exponent, wide);
        BinaryLoops.AllocateBroadcast(a, b, _result, wide);
        if (integers)
            BinaryLoops.Map<long, long, IntegerPower>(_base.ReadOnlySpan<long>(), _base.Shape, _exponent.ReadOnlySpan<long>(), _exponent.Shape, _result.Span<long>(), _result.Shape);
        else
            BinaryLoops.Map<double, double, DoublePower>(_base.ReadOnlySpan<double>(), _base.Shape, _exponent.ReadOnlySpan<double>(), _exponent.Shape, _result.Span<double>(), _result.Shape);
        _caster.Cast(_result, y, a.Type);
    }

    private static bool IsInteger(DataType t) => DataTypeInfo.IsSignedInteger(t) || DataTypeInfo.IsUnsignedInteger(t);

    private static bool IsNumeric(DataType t) => t is DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16
        or DataType.Int8 or DataType.Int16 or DataType.Int32 or DataType.Int64
        or DataType.UInt8 or DataType.UInt16 or DataType.UInt32 or DataType.UInt64;

    /// <summary>float^float in double precision, rounded once.</summary>
    private readonly struct SinglePower : BinaryLoops.IMap<float, float>
    {
        public static float Apply(float a, float b) => (float)Math.Pow(a, b);
    }

    private readonly struct DoublePower : BinaryLoops.IMap<double, double>
    {
        public static double Apply(double a, double b) => Math.Pow(a, b);
    }

    private readonly struct IntegerPower : BinaryLoops.IMap<long, long>
    {
        public static long Apply(long a, long b)
        {
            if (b < 0) return a == 1 ? 1 : a == -1 ? ((b & 1) == 0 ? 1 : -1) : 0; // otherwise |1 / a^-b| < 1 truncates to 0
            long result = 1, power = a;
            unchecked
            {
                while (b > 0)
                {
                    if ((b & 1) != 0) result *= power;
                    power *= power;
                    b >>= 1;
                }
            }
            return result;
        }
    }
}
