using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// Dropout. In inference (every opset before 12, and from 12 unless the training_mode input is
/// true) Y is a copy of X and the optional mask is all true. In training mode each element is
/// kept when a uniform draw u in [0, 1) satisfies u ≥ ratio (the ratio input, default 0.5) and
/// scaled by 1 / (1 − ratio); the mask output says which were kept. The draws come from a
/// Mersenne Twister (MT19937, 53-bit doubles from two 32-bit words, as NumPy's legacy generator):
/// with the seed attribute the generator restarts from that seed at every run, so a seeded node is
/// deterministic; without it the generator is seeded once from the clock and keeps its state.
/// The mask is bool from opset 10 and of X's type before; in inference it marks every element kept
/// (ONNX Runtime returns all false before opset 12).
/// </summary>
public sealed class Dropout : Kernel
{
    private readonly float _ratioAttribute;
    private readonly bool _ratioFromInput, _boolMask;
    private readonly long? _seed;
    private readonly MersenneTwister _random;

    private Dropout(float ratioAttribute, bool ratioFromInput, bool boolMask, long? seed)
    {
        _ratioAttribute = ratioAttribute;
        _ratioFromInput = ratioFromInput;
        _boolMask = boolMask;
        _seed = seed;
        _random = new MersenneTwister((uint)(seed ?? Environment.TickCount64));
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        long? seed = a.Has("seed") ? a.GetInt("seed", 0) : null;
        return new Dropout(a.GetFloat("ratio", 0.5f), info.Version >= 12, info.Version >= 10, seed);
    }

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var y = context.Output(0);
        var mask = context.OptionalOutput(1);
        bool training = false;
        double ratio = _ratioAttribute;
        if (_ratioFromInput)
        {
            var r = context.OptionalInput(1);
            ratio = r == null ? 0.5 : KernelHelpers.GetDouble(r, 0);
            var t = context.OptionalInput(2);
            training = t != null && KernelHelpers.GetDouble(t, 0) != 0;
        }
        if (training && (ratio < 0 || ratio >= 1)) throw context.Error($"ratio {ratio} must be in [0, 1)");
        mask?.Allocate(_boolMask ? DataType.Bool : x.Type, x.Shape);
        if (!training || ratio == 0)
        {
            y.CopyFrom(x);
            if (mask != null) FillMask(mask, keepAll: true);
            return;
        }
        if (_seed is long seed) _random.Seed((uint)seed);
        y.Allocate(x.Type, x.Shape);
        int n = (int)x.Length;
        float scale = (float)(1 / (1 - ratio));
        for (int i = 0; i < n; i++)
        {
            bool keep = _random.NextDouble() >= ratio;
            switch (x.Type)
            {
                case DataType.Float: y.Span<float>()[i] = keep ? x.ReadOnlySpan<float>()[i] * scale : 0f; break;
                case DataType.Double: y.Span<double>()[i] = keep ? x.ReadOnlySpan<double>()[i] / (1 - ratio) : 0; break;
                case DataType.Float16: y.Span<Half>()[i] = keep ? (Half)((float)x.ReadOnlySpan<Half>()[i] * scale) : Half.Zero; break;
                case DataType.BFloat16: y.Span<ushort>()[i] = keep ? BFloat16.FromSingle(BFloat16.ToSingle(x.ReadOnlySpan<ushort>()[i]) * scale) : (ushort)0; break;
                default: throw context.Error($"training mode does not support element type {DataTypeInfo.Name(x.Type)}");
            }
            if (mask == null) continue;
            if (_boolMask) mask.Span<byte>()[i] = keep ? (byte)1 : (byte)0;
            else SetMaskValue(mask, i, keep);
        }
    }

    private static void FillMask(Tensor mask, bool keepAll)
    {
        if (mask.Type == DataType.Bool)
        {
            mask.Span<byte>().Fill(keepAll ? (byte)1 : (byte)0);
            return;
        }
        for (int i = 0; i < mask.Length; i++) SetMaskValue(mask, i, keepAll);
    }

    private static void SetMaskValue(Tensor mask, int i, bool keep)
    {
        switch (mask.Type)
        {
            case DataType.Float: mask.Span<float>()[i] = keep ? 1f : 0f; break;
            case DataType.Double: mask.Span<double>()[i] = keep ? 1 : 0; break;
            case DataType.Float16: mask.Span<Half>()[i] = keep ? Half.One : Half.Zero; break;
            case DataType.BFloat16: mask.Span<ushort>()[i] = keep ? BFloat16.FromSingle(1f) : (ushort)0; break;
            default: throw new EdgeMLException($"mask of type {DataTypeInfo.Name(mask.Type)} is not supported");
        }
    }

    /// <summary>MT19937 (Matsumoto and Nishimura), seeded by init_genrand; doubles in [0, 1) with 53
    /// random bits from two outputs.</summary>
    private sealed class MersenneTwister
    {
        private const int N = 624, M = 397;
        private readonly uint[] _state = new uint[N];
        private int _index;

        public MersenneTwister(uint seed) => Seed(seed);

        public void Seed(uint seed)
        {
            _state[0] = seed;
            for (int i = 1; i < N; i++) _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
            _index = N;
        }

        public uint Next()
        {
            if (_index >= N)
            {
                for (int k = 0; k < N; k++)
                {
                    uint y = (_state[k] & 0x80000000u) | (_state[(k + 1) % N] & 0x7fffffffu);
                    _state[k] = _state[(k + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0u);
                }
                _index = 0;
            }
            uint v = _state[_index++];
            v ^= v >> 11;
            v ^= (v << 7) & 0x9d2c5680u;
            v ^= (v << 15) & 0xefc60000u;
            v ^= v >> 18;
            return v;
        }

        public double NextDouble()
        {
            uint a = Next() >> 5, b = Next() >> 6;
            return (a * 67108864.0 + b) / 9007199254740992.0;
        }
    }
}
