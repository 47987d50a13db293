// A small, tolerant JSON reader/writer and object mapper, so the SDK needs no NuGet
// package and runs on Mono's class libraries alone. Reading is forgiving by design:
// unknown fields are ignored (and kept in AemModel.Raw), a field is found under any of its
// spellings (case, '_' and ' ' do not matter), numbers given as strings are accepted, and
// an unknown enum value reads as (TEnum)(-1) with its text kept in Raw.
//
// Speed: everything reflection finds is found once per type and kept (a table of
// normalized name -> typed setter per class, text -> value per enum, wire names per
// property and enum value), so a call maps its answer through delegates only. Answers
// are read from their text straight onto the classes (Read<T>), keys matched by their
// characters without becoming strings; Raw is parsed from the object's text when first
// asked for. Parse/To/Write work on trees with the same rules.
using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Threading;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A JSON object: names to values (string, JsonNumber, bool, null, JsonObject, List&lt;object&gt;).</summary>
    public sealed class JsonObject : Dictionary<string, object>
    {
        /// <summary>An empty object.</summary>
        public JsonObject() { }
        /// <summary>The object as JSON text.</summary>
        public override string ToString() { return Json.Write(this); }
    }

    /// <summary>A JSON number kept as its text, so no precision is lost.</summary>
    public sealed class JsonNumber
    {
        /// <summary>The number's text.</summary>
        public readonly string Text;
        /// <summary>Wraps a number's text.</summary>
        public JsonNumber(string text) { Text = text; }
        /// <summary>The value as a double.</summary>
        public double ToDouble() { return double.Parse(Text, CultureInfo.InvariantCulture); }
        /// <summary>The text.</summary>
        public override string ToString() { return Text; }
    }

    /// <summary>Names a property's JSON field (first) and the other names it is read from.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class AemJsonAttribute : Attribute
    {
        /// <summary>Names, the first one written.</summary>
        public readonly string[] Names;
        /// <summary>Names a property's JSON field.</summary>
        public AemJsonAttribute(params string[] names) { Names = names; }
    }

    /// <summary>Leaves a property out of JSON mapping (another name for a mapped property).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AemJsonIgnoreAttribute : Attribute { }

    /// <summary>JSON parsing, writing and mapping to the SDK's classes.</summary>
    public static class Json
    {
        static readonly object True = true, False = false;

        // ------------------------------------------------------------------ parsing

        /// <summary>Parses JSON text into JsonObject / List&lt;object&gt; / string / JsonNumber / bool / null.</summary>
        /// <exception cref="FormatException">The text is not JSON.</exception>
        public static object Parse(string text)
        {
            if (text == null) throw new ArgumentNullException("text");
            var p = new Parser(text);
            var v = p.Value();
            p.Ws();
            if (p.Pos != text.Length) throw new FormatException("JSON: unexpected text at " + p.Pos);
            return v;
        }

        // Short strings (every field name, most values) and numbers repeat from one answer to
        // the next: one instance of each is kept in a small table (a slot holds the last text
        // hashed to it), so parsing them allocates nothing. Strings and JsonNumber are
        // immutable, so sharing them is safe; a slot race only costs a fresh copy.
        const int CacheSlots = 4096, CacheMaxLength = 48;
        static readonly string[] strings = new string[CacheSlots];
        static readonly JsonNumber[] numbers = new JsonNumber[CacheSlots];

        static int Slot(int hash, int len) { return (hash ^ (hash >> 13) ^ (len << 7)) & (CacheSlots - 1); }

        static unsafe bool Same(string s, int start, int len, string cached)
        {
            if (cached.Length != len) return false;
            fixed (char* a = s, b = cached)
            {
                char* x = a + start;
                for (int i = 0; i < len; i++)
                    if (x[i] != b[i]) return false;
            }
            return true;
        }

        internal sealed class Parser
        {
            readonly string s;
            readonly int end;
            public int Pos;
            public Parser(string text) { s = text; end = text.Length; }
            public Parser(string text, int start, int stop) { s = text; Pos = start; end = stop; }
            public string Text { get { return s; } }
            public int End { get { return end; } }

            string Shared(int start, int len, int hash)
            {
                if (len == 0) return "";
                if (len > CacheMaxLength) return s.Substring(start, len);
                int i = Slot(hash, len);
                var cached = Volatile.Read(ref strings[i]);
                if (cached != null && Same(s, start, len, cached)) return cached;
                var r = s.Substring(start, len);
                Volatile.Write(ref strings[i], r);
                return r;
            }

            JsonNumber Number(int start, int len, int hash)
            {
                if (len > CacheMaxLength) return new JsonNumber(s.Substring(start, len));
                int i = Slot(hash, len);
                var cached = Volatile.Read(ref numbers[i]);
                if (cached != null && Same(s, start, len, cached.Text)) return cached;
                var r = new JsonNumber(s.Substring(start, len));
                Volatile.Write(ref numbers[i], r);
                return r;
            }

            // The hot loops work on locals: Mono's JIT keeps fields in memory.
            public void Ws()
            {
                var str = s;
                int i = Pos, e = end;
                while (i < e)
                {
                    char c = str[i];
                    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') i++;
                    else if ((c < ' ' || c > 127) && char.IsWhiteSpace(c)) i++;
                    else break;
                }
                Pos = i;
            }

            public FormatException Fail(string what) { return new FormatException("JSON: " + what + " at " + Pos); }

            /// <summary>The next significant character (whitespace skipped), not consumed.</summary>
            public char Next()
            {
                int i = Pos;
                if (i < end)
                {
                    char c = s[i];
                    if (c > ' ') return c; // no whitespace: the usual case
                }
                Ws();
                if (Pos >= end) throw Fail("unexpected end");
                return s[Pos];
            }

            void Word(string word, int len)
            {
                if (Pos + len > end || string.CompareOrdinal(s, Pos, word, 0, len) != 0) throw Fail("bad token");
                Pos += len;
            }

            public object Value()
            {
                char c = Next();
                switch (c)
                {
                    case '{': return Obj();
                    case '[': return Arr();
                    case '"': return Str();
                    case 't': Word("true", 4); return True;
                    case 'f': Word("false", 5); return False;
                    case 'n': Word("null", 4); return null;
                    default:
                        {
                            var str = s;
                            int start = Pos, i = start, e = end, hash = 0;
                            while (i < e)
                            {
                                char d = str[i];
                                if ((d >= '0' && d <= '9') || d == '-' || d == '+' || d == '.' || d == 'e' || d == 'E') { hash = hash * 31 + d; i++; }
                                else break;
                            }
                            Pos = i;
                            if (i == start) throw Fail("unexpected '" + c + "'");
                            return Number(start, i - start, hash);
                        }
                }
            }

            /// <summary>Passes over one value without building it.</summary>
            public void Skip()
            {
                char c = Next();
                if (c == '"') { SkipString(); return; }
                if (c != '{' && c != '[') { Value(); return; }
                int depth = 0;
                while (Pos < end)
                {
                    char d = s[Pos];
                    if (d == '"') { SkipString(); continue; }
                    Pos++;
                    if (d == '{' || d == '[') depth++;
                    else if ((d == '}' || d == ']') && --depth == 0) return;
                }
                throw Fail("unexpected end");
            }

            void SkipString()
            {
                Pos++;
                while (Pos < end)
                {
                    char c = s[Pos++];
                    if (c == '"') return;
                    if (c == '\\') Pos++;
                }
                throw Fail("unexpected end");
            }

            /// <summary>Reads an object key: its characters are s[start, start+len) hashed as
            /// <see cref="KeyHash"/>; or, when it has escapes, the unescaped key.</summary>
            public unsafe string Key(out int start, out int len, out int hash)
            {
                if (Next() != '"') throw Fail("string expected");
                int i = Pos + 1, e = end, h = 0;
                start = i;
                fixed (char* str = s)
                {
                    while (i < e)
                    {
                        char c = str[i];
                        if (c == '"') { len = i - start; hash = h; Pos = i + 1; return null; }
                        if (c == '\\') break;
                        h = h * 31 + c;
                        i++;
                    }
                }
                len = 0;
                hash = 0;
                return Str();
            }

            JsonObject Obj()
            {
                Pos++;
                var o = new JsonObject();
                if (Next() == '}') { Pos++; return o; }
                while (true)
                {
                    if (Next() != '"') throw Fail("string expected");
                    var k = Str();
                    if (Next() != ':') throw Fail("':' expected");
                    Pos++;
                    o[k] = Value();
                    char d = Next();
                    Pos++;
                    if (d == '}') return o;
                    if (d != ',') { Pos--; throw Fail("',' expected"); }
                }
            }

            List<object> Arr()
            {
                Pos++;
                var a = new List<object>();
                if (Next() == ']') { Pos++; return a; }
                while (true)
                {
                    a.Add(Value());
                    char d = Next();
                    Pos++;
                    if (d == ']') return a;
                    if (d != ',') { Pos--; throw Fail("',' expected"); }
                }
            }

            unsafe string Str()
            {
                int start = Pos + 1, i = start, stop = end, hash = 0;
                // Most strings have no escape: no builder.
                fixed (char* str = s)
                {
                    while (i < stop)
                    {
                        char c = str[i];
                        if (c == '"') { Pos = i + 1; return Shared(start, i - start, hash); }
                        if (c == '\\') break;
                        hash = hash * 31 + c;
                        i++;
                    }
                }
                Pos = i;
                var sb = new StringBuilder(Pos - start + 16);
                sb.Append(s, start, Pos - start);
                while (true)
                {
                    if (Pos >= end) throw Fail("unexpected end");
                    char c = s[Pos++];
                    if (c == '"') return sb.ToString();
                    if (c != '\\') { sb.Append(c); continue; }
                    if (Pos >= end) throw Fail("unexpected end");
                    char e = s[Pos++];
                    switch (e)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u':
                            {
                                int code;
                                if (Pos + 4 > end || !int.TryParse(s.Substring(Pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
                                    throw Fail("bad \\u escape");
                                sb.Append((char)code);
                                Pos += 4;
                                break;
                            }
                        default: sb.Append(e); break;
                    }
                }
            }
        }

        // ------------------------------------------------------------------ writing

        /// <summary>Writes a value (JSON tree, SDK object, string, number, bool, enum, list, dictionary) as JSON text.</summary>
        public static string Write(object value)
        {
            var sb = new StringBuilder(256);
            WriteTo(sb, value);
            return sb.ToString();
        }

        static void WriteString(StringBuilder sb, string s)
        {
            sb.Append('"');
            int from = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
                // A lone surrogate is written as its escape: the core refuses it, naming the argument.
                if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c)) continue;
                sb.Append(s, from, i - from);
                from = i + 1;
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default: sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                }
            }
            sb.Append(s, from, s.Length - from);
            sb.Append('"');
        }

        static void WriteTo(StringBuilder sb, object v)
        {
            if (v == null) { sb.Append("null"); return; }
            var str = v as string;
            if (str != null) { WriteString(sb, str); return; }
            if (v is bool) { sb.Append((bool)v ? "true" : "false"); return; }
            var num = v as JsonNumber;
            if (num != null) { sb.Append(num.Text); return; }
            var jo = v as JsonObject;
            if (jo != null)
            {
                sb.Append('{'); bool first = true;
                foreach (var e in jo)
                {
                    if (!first) sb.Append(','); first = false;
                    WriteString(sb, e.Key); sb.Append(':'); WriteTo(sb, e.Value);
                }
                sb.Append('}'); return;
            }
            var jl = v as List<object>;
            if (jl != null)
            {
                sb.Append('[');
                for (int i = 0; i < jl.Count; i++) { if (i > 0) sb.Append(','); WriteTo(sb, jl[i]); }
                sb.Append(']'); return;
            }
            if (v is Enum) { WriteString(sb, EnumInfo.Of(v.GetType()).WireName(v)); return; }
            if (v is int || v is long || v is short || v is byte || v is uint || v is ulong || v is sbyte || v is ushort)
            { sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture)); return; }
            if (v is double || v is float || v is decimal)
            { sb.Append(Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)); return; }
            var dict = v as IDictionary;
            if (dict != null)
            {
                sb.Append('{'); bool first = true;
                foreach (DictionaryEntry e in dict)
                {
                    if (!first) sb.Append(','); first = false;
                    WriteString(sb, e.Key.ToString()); sb.Append(':'); WriteTo(sb, e.Value);
                }
                sb.Append('}'); return;
            }
            var seq = v as IEnumerable;
            if (seq != null)
            {
                sb.Append('['); bool first = true;
                foreach (var e in seq) { if (!first) sb.Append(','); first = false; WriteTo(sb, e); }
                sb.Append(']'); return;
            }
            ClassMap.Of(v.GetType()).Write(sb, v);
        }

        // ------------------------------------------------------------------ mapping

        /// <summary>Maps a parsed JSON value onto a type, tolerantly.</summary>
        public static T To<T>(object json) { return Conv<T>.Fn(json); }

        /// <summary>Maps a parsed JSON value onto a type, tolerantly.</summary>
        public static object To(Type t, object json)
        {
            if (t == null) throw new ArgumentNullException("t");
            return Boxed.For(t)(json);
        }

        /// <summary>Parses JSON text straight onto a type (what To(Parse(text)) gives, without
        /// building the tree first: each object's Raw is read from its text on first use).</summary>
        /// <exception cref="FormatException">The text is not JSON.</exception>
        public static T Read<T>(string text)
        {
            if (text == null) throw new ArgumentNullException("text");
            var p = new Parser(text);
            var v = TextConv<T>.Fn(p);
            p.Ws();
            if (p.Pos != text.Length) throw new FormatException("JSON: unexpected text at " + p.Pos);
            return v;
        }

        /// <summary>The object at [start, end) of text, for AemModel.Raw read on first use.</summary>
        internal static JsonObject ParseObject(string text, int start, int end)
        {
            return new Parser(text, start, end).Value() as JsonObject;
        }

        /// <summary>The hash Parser.Key computes over a key's characters.</summary>
        internal static int KeyHash(string key)
        {
            int h = 0;
            foreach (char c in key) h = h * 31 + c;
            return h;
        }

        /// <summary>Field names compare without case, underscores or spaces.</summary>
        internal sealed class NameComparer : IEqualityComparer<string>
        {
            public static readonly NameComparer Instance = new NameComparer();

            static char Fold(char c)
            {
                if (c < 128) return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
                return char.ToLowerInvariant(c);
            }

            public bool Equals(string a, string b)
            {
                if (ReferenceEquals(a, b)) return true;
                if (a == null || b == null) return false;
                int i = 0, j = 0;
                while (true)
                {
                    while (i < a.Length && (a[i] == '_' || a[i] == ' ')) i++;
                    while (j < b.Length && (b[j] == '_' || b[j] == ' ')) j++;
                    if (i == a.Length || j == b.Length) return i == a.Length && j == b.Length;
                    if (Fold(a[i]) != Fold(b[j])) return false;
                    i++; j++;
                }
            }

            public int GetHashCode(string s)
            {
                unchecked
                {
                    int h = (int)2166136261;
                    for (int i = 0; i < s.Length; i++)
                    {
                        char c = s[i];
                        if (c == '_' || c == ' ') continue;
                        h = (h ^ Fold(c)) * 16777619;
                    }
                    return h;
                }
            }
        }

        // ---- scalar conversions (the tolerant rules, one place)

        static string NumberText(object json)
        {
            var n = json as JsonNumber;
            return n != null ? n.Text : json as string;
        }

        internal static string ToStr(object json)
        {
            if (json == null) return null;
            var s = json as string;
            if (s != null) return s;
            var n = json as JsonNumber;
            if (n != null) return n.Text;
            if (json is bool) return (bool)json ? "true" : "false";
            return Write(json);
        }

        internal static bool ToBool(object json)
        {
            if (json == null) return false;
            if (json is bool) return (bool)json;
            var s = json as string;
            if (s != null) { bool b; return bool.TryParse(s, out b) && b; }
            var n = json as JsonNumber;
            if (n != null) { double d; return double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out d) && d != 0; }
            return false;
        }

        // Plain integers (the usual case) without double.TryParse.
        static bool FastInteger(string t, int maxDigits, out long value)
        {
            value = 0;
            int i = 0, n = t.Length;
            bool neg = n > 0 && t[0] == '-';
            if (neg) i = 1;
            if (n == i || n - i > maxDigits) return false;
            for (; i < n; i++)
            {
                int d = t[i] - '0';
                if (d < 0 || d > 9) return false;
                value = value * 10 + d;
            }
            if (neg) value = -value;
            return true;
        }

        internal static int ToInt32(object json)
        {
            if (json == null) return 0;
            var text = NumberText(json);
            if (text == null) return 0;
            long l;
            if (FastInteger(text, 9, out l)) return (int)l;
            double d;
            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return 0;
            return (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, d));
        }

        internal static long ToInt64(object json)
        {
            if (json == null) return 0;
            var text = NumberText(json);
            if (text == null) return 0;
            long l;
            if (FastInteger(text, 18, out l)) return l;
            double d;
            var t = text.Trim();
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return 0;
            return long.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out l) ? l : (long)d;
        }

        internal static double ToDouble(object json)
        {
            if (json == null) return 0;
            var text = NumberText(json);
            double d;
            if (text == null || !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return 0;
            return d;
        }

        /// <summary>Other primitive types (short, byte, float, decimal...): through double.</summary>
        internal static object ToOtherPrimitive(Type t, object json)
        {
            if (json == null) return Activator.CreateInstance(t);
            var text = NumberText(json);
            double d;
            if (text == null || !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return Activator.CreateInstance(t);
            try { return Convert.ChangeType(d, t, CultureInfo.InvariantCulture); }
            catch (OverflowException) { return Activator.CreateInstance(t); }
            catch (InvalidCastException) { return Activator.CreateInstance(t); }
        }

        // ---- typed converters, one per type, built once

        /// <summary>The converter to T: a delegate chosen once for the type.</summary>
        internal static class Conv<T>
        {
            public static readonly Func<object, T> Fn = (Func<object, T>)Make(typeof(T));
        }

        static readonly MethodInfo NullableM = typeof(Json).GetMethod("NullableConv", BindingFlags.NonPublic | BindingFlags.Static);
        static readonly MethodInfo ListM = typeof(Json).GetMethod("ListConv", BindingFlags.NonPublic | BindingFlags.Static);
        static readonly MethodInfo EnumM = typeof(Json).GetMethod("EnumConv", BindingFlags.NonPublic | BindingFlags.Static);
        static readonly MethodInfo ClassM = typeof(Json).GetMethod("ClassConv", BindingFlags.NonPublic | BindingFlags.Static);
        static readonly MethodInfo OtherM = typeof(Json).GetMethod("OtherConv", BindingFlags.NonPublic | BindingFlags.Static);

        static Delegate Make(Type t)
        {
            if (t == typeof(object)) return (Func<object, object>)(j => j);
            if (t == typeof(string)) return (Func<object, string>)ToStr;
            if (t == typeof(bool)) return (Func<object, bool>)ToBool;
            if (t == typeof(int)) return (Func<object, int>)ToInt32;
            if (t == typeof(long)) return (Func<object, long>)ToInt64;
            if (t == typeof(double)) return (Func<object, double>)ToDouble;
            if (t == typeof(JsonObject)) return (Func<object, JsonObject>)(j => j as JsonObject);
            var under = Nullable.GetUnderlyingType(t);
            if (under != null) return (Delegate)NullableM.MakeGenericMethod(under).Invoke(null, null);
            if (t.IsEnum) return (Delegate)EnumM.MakeGenericMethod(t).Invoke(null, null);
            if (t.IsPrimitive || t == typeof(decimal)) return (Delegate)OtherM.MakeGenericMethod(t).Invoke(null, null);
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
                return (Delegate)ListM.MakeGenericMethod(t.GetGenericArguments()[0]).Invoke(null, null);
            if (!t.IsValueType && !t.IsAbstract && !t.IsArray && t.GetConstructor(Type.EmptyTypes) != null)
                return (Delegate)ClassM.MakeGenericMethod(t).Invoke(null, null);
            return (Delegate)OtherM.MakeGenericMethod(t).Invoke(null, null);
        }

        static Func<object, U?> NullableConv<U>() where U : struct
        {
            return j => j == null ? (U?)null : Conv<U>.Fn(j);
        }

        static Func<object, List<E>> ListConv<E>()
        {
            return j =>
            {
                if (j == null) return null;
                var items = j as List<object>;
                var list = new List<E>(items != null ? items.Count : 1);
                var fn = Conv<E>.Fn;
                if (items != null) for (int i = 0; i < items.Count; i++) list.Add(fn(items[i]));
                else list.Add(fn(j)); // one object where a list was expected
                return list;
            };
        }

        static Func<object, E> EnumConv<E>() where E : struct
        {
            var info = EnumInfo.Of(typeof(E));
            return j => (E)info.Read(j);
        }

        static Func<object, C> ClassConv<C>() where C : class
        {
            ClassMap map = null; // found on first use: building it here could recurse into this type
            return j => (C)(map ?? (map = ClassMap.Of(typeof(C)))).Read(j);
        }

        static Func<object, X> OtherConv<X>()
        {
            var t = typeof(X);
            if (t.IsPrimitive || t == typeof(decimal)) return j => (X)ToOtherPrimitive(t, j);
            return j =>
            {
                if (j == null) return default(X);
                throw new NotSupportedException("Json.To: cannot map JSON onto " + t);
            };
        }

        /// <summary>The reader of T from text: objects and lists straight from the text, any
        /// other value as its parsed form through Conv&lt;T&gt; (the same tolerant rules).</summary>
        internal static class TextConv<T>
        {
            public static readonly Func<Parser, T> Fn = (Func<Parser, T>)MakeText(typeof(T));
        }

        static readonly MethodInfo TextListM = typeof(Json).GetMethod("TextListConv", BindingFlags.NonPublic | BindingFlags.Static);
        static readonly MethodInfo TextClassM = typeof(Json).GetMethod("TextClassConv", BindingFlags.NonPublic | BindingFlags.Static);
        static readonly MethodInfo TextValueM = typeof(Json).GetMethod("TextValueConv", BindingFlags.NonPublic | BindingFlags.Static);

        static Delegate MakeText(Type t)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>))
                return (Delegate)TextListM.MakeGenericMethod(t.GetGenericArguments()[0]).Invoke(null, null);
            if (IsMapped(t)) return (Delegate)TextClassM.MakeGenericMethod(t).Invoke(null, null);
            return (Delegate)TextValueM.MakeGenericMethod(t).Invoke(null, null);
        }

        static bool IsMapped(Type t)
        {
            return !t.IsValueType && !t.IsAbstract && !t.IsArray && t != typeof(string) && t != typeof(object)
                && t != typeof(JsonObject) && t.GetConstructor(Type.EmptyTypes) != null
                && !(t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>));
        }

        static Func<Parser, X> TextValueConv<X>()
        {
            return p => Conv<X>.Fn(p.Value());
        }

        static Func<Parser, C> TextClassConv<C>() where C : class
        {
            ClassMap map = null;
            return p => p.Next() == '{' ? (C)(map ?? (map = ClassMap.Of(typeof(C)))).ReadText(p) : Conv<C>.Fn(p.Value());
        }

        static Func<Parser, List<E>> TextListConv<E>()
        {
            return p =>
            {
                if (p.Next() != '[')
                {
                    if (p.Next() == '{') return new List<E> { TextConv<E>.Fn(p) }; // one object where a list was expected
                    return Conv<List<E>>.Fn(p.Value());
                }
                p.Pos++;
                var list = new List<E>();
                var fn = TextConv<E>.Fn;
                if (p.Next() == ']') { p.Pos++; return list; }
                while (true)
                {
                    list.Add(fn(p));
                    char d = p.Next();
                    p.Pos++;
                    if (d == ']') return list;
                    if (d != ',') { p.Pos--; throw p.Fail("',' expected"); }
                }
            };
        }

        /// <summary>Converters returning object, for Json.To(Type, ...) and the mapper.</summary>
        static class Boxed
        {
            static readonly ConcurrentDictionary<Type, Func<object, object>> cache = new ConcurrentDictionary<Type, Func<object, object>>();
            static readonly MethodInfo M = typeof(Boxed).GetMethod("Make", BindingFlags.NonPublic | BindingFlags.Static);
            public static Func<object, object> For(Type t)
            {
                Func<object, object> f;
                if (cache.TryGetValue(t, out f)) return f;
                return cache.GetOrAdd(t, x => (Func<object, object>)M.MakeGenericMethod(x).Invoke(null, null));
            }
            static Func<object, object> Make<T>() { return j => Conv<T>.Fn(j); }
        }

        // ---- enums

        internal sealed class EnumInfo
        {
            static readonly ConcurrentDictionary<Type, EnumInfo> cache = new ConcurrentDictionary<Type, EnumInfo>();
            public static EnumInfo Of(Type t)
            {
                EnumInfo e;
                if (cache.TryGetValue(t, out e)) return e;
                return cache.GetOrAdd(t, x => new EnumInfo(x));
            }

            readonly Dictionary<string, object> byName = new Dictionary<string, object>(NameComparer.Instance);
            readonly Dictionary<long, object> byNumber = new Dictionary<long, object>();
            readonly Dictionary<long, string> wire = new Dictionary<long, string>();
            readonly object unknown, zero;

            EnumInfo(Type t)
            {
                // In declaration order, names before aliases, the first claim kept: a text
                // maps to the first member that names it.
                foreach (var f in t.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    var value = f.GetValue(null);
                    long n = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                    var attr = (AemJsonAttribute)Attribute.GetCustomAttribute(f, typeof(AemJsonAttribute), false);
                    if (!byName.ContainsKey(f.Name)) byName[f.Name] = value;
                    if (attr != null) foreach (var a in attr.Names) if (!byName.ContainsKey(a)) byName[a] = value;
                    if (!byNumber.ContainsKey(n)) byNumber[n] = value;
                    if (!wire.ContainsKey(n)) wire[n] = attr != null && attr.Names.Length > 0 ? attr.Names[0] : f.Name;
                }
                unknown = Enum.ToObject(t, -1);
                zero = Enum.ToObject(t, 0);
            }

            /// <summary>Text (or a number) to a member; an unknown text is -1 (Raw keeps it).</summary>
            public object Read(object json)
            {
                if (json == null) return zero;
                var text = json as string ?? json.ToString();
                object v;
                if (byName.TryGetValue(text, out v)) return v;
                long num;
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out num) && byNumber.TryGetValue(num, out v)) return v;
                return unknown;
            }

            /// <summary>A member's wire text; an undefined value's number.</summary>
            public string WireName(object value)
            {
                string s;
                return wire.TryGetValue(Convert.ToInt64(value, CultureInfo.InvariantCulture), out s) ? s : value.ToString();
            }

            /// <summary>Undefined values (-1 for an unknown text, 0 never set) are not written.</summary>
            public bool IsDefined(object value) { return byNumber.ContainsKey(Convert.ToInt64(value, CultureInfo.InvariantCulture)); }
        }

        // ---- classes

        /// <summary>One mapped property: its names and typed accessors.</summary>
        abstract class Member
        {
            public string Wire;       // the name written
            public string[] Names;    // the names read, best first
            public int Index;
            public bool Writable, Readable;
            public abstract void Set(object target, object json);
            public abstract void SetText(object target, Parser p);
            public abstract object Get(object target);
        }

        sealed class Member<TObj, TProp> : Member where TObj : class
        {
            readonly Action<TObj, TProp> set;
            readonly Func<TObj, TProp> get;
            readonly Func<object, TProp> conv = Conv<TProp>.Fn;
            public Member(PropertyInfo p)
            {
                var sm = p.GetSetMethod();
                var gm = p.GetGetMethod();
                if (sm != null) set = (Action<TObj, TProp>)Delegate.CreateDelegate(typeof(Action<TObj, TProp>), sm);
                if (gm != null) get = (Func<TObj, TProp>)Delegate.CreateDelegate(typeof(Func<TObj, TProp>), gm);
                Writable = set != null;
                Readable = get != null;
            }
            readonly Func<Parser, TProp> text = TextConv<TProp>.Fn;
            public override void Set(object target, object json) { set((TObj)target, conv(json)); }
            public override void SetText(object target, Parser p) { set((TObj)target, text(p)); }
            public override object Get(object target) { return get((TObj)target); }
        }

        /// <summary>A name's claim on a member; several members may read one name.</summary>
        sealed class Hit
        {
            public Member Member;
            public int Rank;
            public Hit Next;
        }

        internal sealed class ClassMap
        {
            static readonly ConcurrentDictionary<Type, ClassMap> cache = new ConcurrentDictionary<Type, ClassMap>();
            public static ClassMap Of(Type t)
            {
                ClassMap m;
                if (cache.TryGetValue(t, out m)) return m;
                return cache.GetOrAdd(t, x => new ClassMap(x));
            }

            readonly Func<object> create;
            readonly Dictionary<string, Hit> byName = new Dictionary<string, Hit>(NameComparer.Instance);
            // The wire's exact spellings seen so far (ordinal, cheaper than the normalized
            // compare), copied on write; NoHit marks a field no property reads.
            volatile Dictionary<string, Hit> exact = new Dictionary<string, Hit>(StringComparer.Ordinal);
            static readonly Hit NoHit = new Hit();
            // For reading from text: the keys seen so far by Parser.Key's hash, open addressing,
            // copied on write; a key is matched by its characters, never made a string.
            sealed class KeySlot { public int Hash; public string Key; public Hit Hit; }
            volatile KeySlot[] keys = new KeySlot[64];
            int keyCount;
            readonly Member[] members;      // in GetProperties order, for writing
            readonly Dictionary<string, int[]> claims = new Dictionary<string, int[]>(NameComparer.Instance); // name -> members reading it
            readonly bool ranked;           // some member reads more than one name
            readonly Dictionary<string, Type> subtypes; // by "$type", for AemServer and kin

            ClassMap(Type t)
            {
                create = Creator(t);
                var list = new List<Member>();
                foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (p.Name == "Raw" || p.GetIndexParameters().Length > 0) continue;
                    if (Attribute.IsDefined(p, typeof(AemJsonIgnoreAttribute))) continue;
                    var m = (Member)Activator.CreateInstance(typeof(Member<,>).MakeGenericType(p.DeclaringType, p.PropertyType), p);
                    var attr = (AemJsonAttribute)Attribute.GetCustomAttribute(p, typeof(AemJsonAttribute), false);
                    m.Names = attr != null && attr.Names.Length > 0 ? attr.Names : new[] { p.Name };
                    m.Wire = attr != null && attr.Names.Length > 0 ? attr.Names[0] : Snake(p.Name);
                    m.Index = list.Count;
                    list.Add(m);
                    foreach (var n in m.Names)
                    {
                        int[] c;
                        claims[n] = claims.TryGetValue(n, out c) ? Append(c, m.Index) : new[] { m.Index };
                    }
                    if (!m.Writable) continue;
                    if (m.Names.Length > 1) ranked = true;
                    for (int r = 0; r < m.Names.Length; r++)
                    {
                        var hit = new Hit { Member = m, Rank = r };
                        Hit prev;
                        if (byName.TryGetValue(m.Names[r], out prev))
                        {
                            if (prev.Member == m) continue; // two spellings of one name
                            while (prev.Next != null) prev = prev.Next;
                            prev.Next = hit;
                        }
                        else byName[m.Names[r]] = hit;
                    }
                }
                members = list.ToArray();
                Type[] all;
                try { all = t.Assembly.GetTypes(); }
                catch (ReflectionTypeLoadException e) { all = Array.FindAll(e.Types, x => x != null); }
                foreach (var x in all)
                {
                    if (x == t || x.IsAbstract || !t.IsAssignableFrom(x) || x.GetConstructor(Type.EmptyTypes) == null) continue;
                    if (subtypes == null) subtypes = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
                    subtypes[x.Name] = x;
                }
            }

            static bool AnyOf(int[] indexes, bool[] flags)
            {
                foreach (var i in indexes) if (flags[i]) return true;
                return false;
            }

            static int[] Append(int[] a, int x)
            {
                if (Array.IndexOf(a, x) >= 0) return a;
                var r = new int[a.Length + 1];
                a.CopyTo(r, 0);
                r[a.Length] = x;
                return r;
            }

            static Func<object> Creator(Type t)
            {
                if (t.GetConstructor(Type.EmptyTypes) == null) return () => { throw new NotSupportedException("Json.To: " + t + " has no parameterless constructor"); };
                try { return Expression.Lambda<Func<object>>(Expression.New(t)).Compile(); }
                catch (Exception) { return () => Activator.CreateInstance(t); }
            }

            /// <summary>PascalCase to the wire's snake_case: IssueDate -> issue_date.</summary>
            static string Snake(string name)
            {
                var sb = new StringBuilder(name.Length + 8);
                for (int i = 0; i < name.Length; i++)
                {
                    char c = name[i];
                    if (char.IsUpper(c) && i > 0) sb.Append('_');
                    sb.Append(char.ToLowerInvariant(c));
                }
                return sb.ToString();
            }

            /// <summary>The map of the subclass a "$type" names ("Namespace.Class, Assembly" or
            /// just "Class"), or null.</summary>
            ClassMap Subtype(string name)
            {
                if (name == null) return null;
                int comma = name.IndexOf(',');
                if (comma >= 0) name = name.Substring(0, comma);
                name = name.Substring(name.LastIndexOf('.') + 1).Trim();
                Type sub;
                return subtypes.TryGetValue(name, out sub) ? Of(sub) : null;
            }

            /// <summary>Per member, the rank of the best spelling read so far (lower wins; a null
            /// value only stands when no other spelling has a value); null when no member reads
            /// more than one name.</summary>
            int[] NewRanks()
            {
                if (!ranked) return null;
                var best = new int[members.Length];
                for (int i = 0; i < best.Length; i++) best[i] = int.MaxValue;
                return best;
            }

            /// <summary>Whether this spelling's value should be set (see NewRanks), noting it if so.</summary>
            static bool Claim(int[] best, Hit h, bool isNull)
            {
                if (best == null) return true;
                int rank = isNull ? h.Rank + 100000 : h.Rank;
                if (rank > best[h.Member.Index]) return false;
                best[h.Member.Index] = rank;
                return true;
            }

            /// <summary>A JSON object onto a new instance (of the subclass its "$type" names, if any); null otherwise.</summary>
            public object Read(object json)
            {
                var obj = json as JsonObject;
                if (obj == null) return null;
                object tn;
                var sub = subtypes == null || !obj.TryGetValue("$type", out tn) ? null : Subtype(tn as string);
                return (sub ?? this).Fill(obj);
            }

            object Fill(JsonObject obj)
            {
                var result = create();
                var best = NewRanks();
                var seen = exact;
                foreach (var e in obj)
                {
                    Hit h;
                    if (!seen.TryGetValue(e.Key, out h)) h = Learn(e.Key);
                    if (h == NoHit) continue;
                    for (; h != null; h = h.Next)
                        if (Claim(best, h, e.Value == null)) h.Member.Set(result, e.Value);
                }
                var model = result as AemModel;
                if (model != null) model.Raw = obj;
                return result;
            }

            Hit Learn(string key)
            {
                Hit h;
                if (!byName.TryGetValue(key, out h)) h = NoHit;
                lock (byName)
                {
                    var now = exact;
                    if (now.Count < 1024 && !now.ContainsKey(key))
                    {
                        var copy = new Dictionary<string, Hit>(now, StringComparer.Ordinal);
                        copy[key] = h;
                        exact = copy;
                    }
                }
                return h;
            }

            Hit FindKey(Parser p)
            {
                int start, len, hash;
                var escaped = p.Key(out start, out len, out hash);
                if (escaped != null) return Lookup(escaped);
                var table = keys;
                int mask = table.Length - 1;
                var text = p.Text;
                for (int i = (hash ^ (hash >> 11)) & mask; ; i = (i + 1) & mask)
                {
                    var slot = table[i];
                    if (slot == null) break;
                    if (slot.Hash == hash && Same(text, start, len, slot.Key)) return slot.Hit;
                }
                var key = text.Substring(start, len);
                var h = Lookup(key);
                lock (byName)
                {
                    var now = keys;
                    if (keyCount < 512)
                    {
                        int size = now.Length;
                        while ((keyCount + 1) * 2 > size) size *= 2;
                        var copy = new KeySlot[size];
                        foreach (var old in now) if (old != null) Put(copy, old);
                        if (Put(copy, new KeySlot { Hash = hash, Key = key, Hit = h })) keyCount++;
                        keys = copy;
                    }
                }
                return h;
            }

            static bool Put(KeySlot[] table, KeySlot slot)
            {
                int mask = table.Length - 1;
                for (int i = (slot.Hash ^ (slot.Hash >> 11)) & mask; ; i = (i + 1) & mask)
                {
                    if (table[i] == null) { table[i] = slot; return true; }
                    if (table[i].Hash == slot.Hash && table[i].Key == slot.Key) return false;
                }
            }

            Hit Lookup(string key)
            {
                Hit h;
                return byName.TryGetValue(key, out h) ? h : NoHit;
            }

            /// <summary>The object at the parser (at its '{') onto a new instance, as Read does for a tree.</summary>
            public object ReadText(Parser p)
            {
                var sub = subtypes == null ? null : Subtype(TypeNameAhead(p));
                return (sub ?? this).FillText(p);
            }

            /// <summary>The object's "$type" string, if any; the parser is left where it was.</summary>
            static string TypeNameAhead(Parser p)
            {
                int at = p.Pos;
                try
                {
                    p.Pos++;
                    if (p.Next() == '}') return null;
                    while (true)
                    {
                        int start, len, hash;
                        var escaped = p.Key(out start, out len, out hash);
                        bool isType = escaped != null ? escaped == "$type" : len == 5 && string.CompareOrdinal(p.Text, start, "$type", 0, 5) == 0;
                        if (p.Next() != ':') return null;
                        p.Pos++;
                        if (isType) return p.Next() == '"' ? p.Value() as string : null;
                        p.Skip();
                        char d = p.Next();
                        p.Pos++;
                        if (d != ',') return null;
                    }
                }
                finally { p.Pos = at; }
            }

            object FillText(Parser p)
            {
                int objStart = p.Pos;
                var result = create();
                var best = NewRanks();
                p.Pos++;
                if (p.Next() == '}') p.Pos++;
                else
                {
                    while (true)
                    {
                        var h = FindKey(p);
                        if (p.Next() != ':') throw p.Fail("':' expected");
                        p.Pos++;
                        if (h == NoHit) p.Skip();
                        else if (best == null && h.Next == null) h.Member.SetText(result, p);
                        else
                        {
                            // Ranked spellings (see Fill); a value several members read is read once per member.
                            bool isNull = p.Next() == 'n';
                            int at = p.Pos, after = -1;
                            for (; h != null; h = h.Next)
                            {
                                if (!Claim(best, h, isNull)) continue;
                                p.Pos = at;
                                h.Member.SetText(result, p);
                                after = p.Pos;
                            }
                            if (after < 0) p.Skip(); else p.Pos = after;
                        }
                        char d = p.Next();
                        p.Pos++;
                        if (d == '}') break;
                        if (d != ',') { p.Pos--; throw p.Fail("',' expected"); }
                    }
                }
                var model = result as AemModel;
                if (model != null) model.SetSource(p.Text, objStart, p.Pos);
                return result;
            }

            /// <summary>Set properties under their wire names, then the fields of Raw not modelled,
            /// so a GetServer answer can be edited and put back.</summary>
            public void Write(StringBuilder sb, object v)
            {
                sb.Append('{');
                bool any = false;
                bool[] written = null;
                foreach (var m in members)
                {
                    if (!m.Readable) continue;
                    var val = m.Get(v);
                    if (val == null) continue;
                    if (val is Enum && !EnumInfo.Of(val.GetType()).IsDefined(val)) continue; // unknown (-1, Raw keeps it) or never set
                    if (any) sb.Append(','); any = true;
                    WriteString(sb, m.Wire); sb.Append(':'); WriteTo(sb, val);
                    if (written == null) written = new bool[members.Length];
                    written[m.Index] = true;
                }
                var model = v as AemModel;
                if (model != null && model.Raw != null)
                {
                    foreach (var e in model.Raw)
                    {
                        // A field a written property reads is not written twice.
                        int[] c;
                        if (written != null && claims.TryGetValue(e.Key, out c) && AnyOf(c, written)) continue;
                        if (any) sb.Append(','); any = true;
                        WriteString(sb, e.Key); sb.Append(':'); WriteTo(sb, e.Value);
                    }
                }
                sb.Append('}');
            }
        }
    }

    /// <summary>Base of every answer and request class: the JSON object it was read from.</summary>
    public abstract class AemModel
    {
        sealed class Source { public string Text; public int Start, End; }
        JsonObject raw;
        volatile Source source; // the text Raw is read from on first use

        /// <summary>The object as received, with fields this SDK does not model and the text of unknown enum values.</summary>
        public JsonObject Raw
        {
            get
            {
                var s = source;
                if (s != null)
                {
                    lock (s)
                    {
                        if (source == s)
                        {
                            raw = Json.ParseObject(s.Text, s.Start, s.End);
                            source = null;
                        }
                    }
                }
                return raw;
            }
            set { raw = value; source = null; }
        }

        internal void SetSource(string text, int start, int end)
        {
            raw = null;
            source = new Source { Text = text, Start = start, End = end };
        }
    }
}
