using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>
/// The random number generator of the random operators (RandomNormal, RandomUniform, their -Like
/// forms, Multinomial, Bernoulli): the minimal-standard linear congruential engine (multiplier
/// 16807, modulus 2^31 - 1; C++'s minstd_rand0, which is the std::default_random_engine ONNX Runtime
/// uses with libstdc++) and that library's algorithms for uniform and normal numbers. A model with a
/// seed therefore draws the same numbers as ONNX Runtime on Linux. Without a seed attribute the seed
/// is derived from the node's name, so results are reproducible from run to run and device to
/// device. Like ONNX Runtime, the engine lives as long as the kernel: each run continues the stream.
/// </summary>
public sealed class RandomEngine
{
    private const uint Modulus = 2147483647;
    private const uint Multiplier = 16807;
    /// <summary>max - min + 1 of the engine's outputs [1, 2^31 - 2].</summary>
    private const double Range = 2147483646.0;
    private uint _state;

    public RandomEngine(uint seed)
    {
        uint s = seed % Modulus;
        _state = s == 0 ? 1 : s;
    }

    /// <summary>The engine of a node: seeded from its <c>seed</c> attribute (a float, truncated to an
    /// unsigned 32-bit integer as ONNX Runtime does), or else from a hash of its name.</summary>
    public static RandomEngine For(KernelInfo info)
    {
        if (info.Attributes.Find("seed") is { } a) return new RandomEngine(unchecked((uint)(long)a.Float));
        uint hash = 2166136261; // FNV-1a over the name's UTF-16 code units
        foreach (char c in info.Node.Name)
        {
            hash = (hash ^ (c & 0xFFu)) * 16777619;
            hash = (hash ^ (uint)(c >> 8)) * 16777619;
        }
        return new RandomEngine(hash);
    }

    /// <summary>The next engine output, in [1, 2^31 - 2].</summary>
    public uint Next()
    {
        _state = (uint)((ulong)_state * Multiplier % Modulus);
        return _state;
    }

    /// <summary>A float in [0, 1) from one engine output (generate_canonical with 24 bits).</summary>
    public float NextSingle()
    {
        float r = (Next() - 1) / (float)Range;
        return r >= 1f ? BitConverter.Int32BitsToSingle(0x3F7FFFFF) : r;
    }

    /// <summary>A double in [0, 1) from two engine outputs (generate_canonical with 53 bits).</summary>
    public double NextDouble()
    {
        double sum = Next() - 1;
        sum += (Next() - 1) * Range;
        double r = sum / (Range * Range);
        return r >= 1.0 ? BitConverter.Int64BitsToDouble(0x3FEFFFFFFFFFFFFF) : r;
    }

    /// <summary>Fills <paramref name="y"/> (float, double, float16 or bfloat16, already shaped) with
    /// numbers uniform in [low, high).</summary>
    public void FillUniform(Tensor y, float low, float high)
    {
        switch (y.Type)
        {
            case DataType.Double:
                foreach (ref var v in y.Span<double>()) v = NextDouble() * ((double)high - low) + low;
                break;
            case DataType.Float:
                foreach (ref var v in y.Span<float>()) v = NextSingle() * (high - low) + low;
                break;
            case DataType.Float16:
                foreach (ref var v in y.Span<Half>()) v = (Half)(NextSingle() * (high - low) + low);
                break;
            case DataType.BFloat16:
                foreach (ref var v in y.Span<ushort>()) v = BFloat16.FromSingle(NextSingle() * (high - low) + low);
                break;
            default:
                throw new EdgeMLException($"random numbers of type {DataTypeInfo.Name(y.Type)} are not supported (float, double, float16, bfloat16)");
        }
    }

    /// <summary>Fills <paramref name="y"/> (float, double, float16 or bfloat16, already shaped) with
    /// normally distributed numbers (Marsaglia's polar method, two numbers per accepted pair).</summary>
    public void FillNormal(Tensor y, float mean, float scale)
    {
        switch (y.Type)
        {
            case DataType.Double:
            {
                var sampler = new NormalPairs();
                foreach (ref var v in y.Span<double>()) v = sampler.NextDouble(this) * scale + mean;
                break;
            }
            case DataType.Float:
            {
                var sampler = new NormalPairs();
                foreach (ref var v in y.Span<float>()) v = sampler.NextSingle(this) * scale + mean;
                break;
            }
            case DataType.Float16:
            {
                var sampler = new NormalPairs();
                foreach (ref var v in y.Span<Half>()) v = (Half)(sampler.NextSingle(this) * scale + mean);
                break;
            }
            case DataType.BFloat16:
            {
                var sampler = new NormalPairs();
                foreach (ref var v in y.Span<ushort>()) v = BFloat16.FromSingle(sampler.NextSingle(this) * scale + mean);
                break;
            }
            default:
                throw new EdgeMLException($"random numbers of type {DataTypeInfo.Name(y.Type)} are not supported (float, double, float16, bfloat16)");
        }
    }

    /// <summary>Standard normal numbers by the polar method; the second number of each pair is kept
    /// for the next call. One per fill, as the C++ distribution object is one per kernel call.</summary>
    private struct NormalPairs
    {
        private bool _saved;
        private double _savedValue; // holds a float exactly in the float32 path

        public float NextSingle(RandomEngine e)
        {
            if (_saved)
            {
                _saved = false;
                return (float)_savedValue;
            }
            float x, y, r2;
            do
            {
                x = 2f * e.NextSingle() - 1f;
                y = 2f * e.NextSingle() - 1f;
                r2 = x * x + y * y;
            }
            while (r2 > 1f || r2 == 0f);
            float mult = MathF.Sqrt(-2f * MathF.Log(r2) / r2);
            _savedValue = x * mult;
            _saved = true;
            return y * mult;
        }

        public double NextDouble(RandomEngine e)
        {
            if (_saved)
            {
                _saved = false;
                return _savedValue;
            }
            double x, y, r2;
            do
            {
                x = 2.0 * e.NextDouble() - 1.0;
                y = 2.0 * e.NextDouble() - 1.0;
                r2 = x * x + y * y;
            }
            while (r2 > 1.0 || r2 == 0.0);
            double mult = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
            _savedValue = x * mult;
            _saved = true;
            return y * mult;
        }
    }
}
