// JSON for the SDK with Mono's class libraries alone (no NuGet package): a parser, a
// writer, and the tolerant primitives the generated readers and writers (Json.g.cs, one
// per class and enum of the API description) are made of. Reading forgives: a field is
// found under any of its spellings (case, '_' and ' ' do not matter), numbers may come
// as strings, an unknown enum value reads as (TEnum)(-1), and unknown fields are skipped
// (AemModel.Raw keeps the whole object, parsed from its text when first asked for).
using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A JSON object: names to values (string, JsonNumber, bool, null, JsonObject, List&lt;object&gt;).</summary>
    public sealed class JsonObject : Dictionary<string, object>
    {
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

    /// <summary>JSON parsing, writing and mapping to the SDK's classes.</summary>
    public static partial class Json
    {
        /// <summary>Parses JSON text into JsonObject / List&lt;object&gt; / string / JsonNumber / bool / null.</summary>
        /// <exception cref="FormatException">The text is not JSON.</exception>
        public static object Parse(string text) { return Whole(text, p => p.Value()); }

        /// <summary>Parses JSON text straight onto a type (an SDK class or enum, a list of them, a scalar).</summary>
        /// <exception cref="FormatException">The text is not JSON.</exception>
        public static T Read<T>(string text) { return Whole(text, Reader<T>.Fn); }

        /// <summary>Maps a parsed JSON value onto a type, tolerantly (as <see cref="Read{T}"/> reads its text).</summary>
        public static T To<T>(object json) { return Read<T>(Write(json)); }

        /// <summary>Maps a parsed JSON value onto a type, tolerantly.</summary>
        public static object To(Type t, object json)
        {
            if (t == null) throw new ArgumentNullException("t");
            var read = ReaderFor(t);
            return Whole(Write(json), p => read.DynamicInvoke(p));
        }

        static T Whole<T>(string text, Func<Parser, T> read)
        {
            if (text == null) throw new ArgumentNullException("text");
            var p = new Parser(text, 0, text.Length);
            var v = read(p);
            if (p.Pos < text.Length && p.Next(false) != '\0') throw p.Fail("unexpected text");
            return v;
        }

        static class Reader<T> { internal static readonly Func<Parser, T> Fn = (Func<Parser, T>)ReaderFor(typeof(T)); }

        static readonly ConcurrentDictionary<Type, Delegate> readers = new ConcurrentDictionary<Type, Delegate>();
        static partial void Generated(Dictionary<Type, Delegate> into);

        /// <summary>The reader of a type: the generated ones, scalars, and lists and nullables of them.</summary>
        static Delegate ReaderFor(Type t)
        {
            if (readers.IsEmpty)
            {
                var all = new Dictionary<Type, Delegate>();
                Generated(all);
                all[typeof(string)] = (Func<Parser, string>)ReadString;
                all[typeof(bool)] = (Func<Parser, bool>)ReadBool;
                all[typeof(int)] = (Func<Parser, int>)ReadInt;
                all[typeof(long)] = (Func<Parser, long>)ReadLong;
                all[typeof(double)] = (Func<Parser, double>)ReadDouble;
                all[typeof(JsonObject)] = (Func<Parser, JsonObject>)ReadObject;
                all[typeof(object)] = (Func<Parser, object>)(p => p.Value());
                foreach (var e in all) readers.TryAdd(e.Key, e.Value);
            }
            return readers.GetOrAdd(t, x =>
            {
                var generic = x.IsGenericType ? x.GetGenericTypeDefinition() : null;
                string how = generic == typeof(List<>) ? "ListOf" : generic == typeof(Nullable<>) ? "NullableOf" : null;
                if (how == null) throw new NotSupportedException("Json: cannot read " + x);
                var m = typeof(Json).GetMethod(how, BindingFlags.NonPublic | BindingFlags.Static).MakeGenericMethod(x.GetGenericArguments()[0]);
                return (Delegate)m.Invoke(null, new object[] { ReaderFor(x.GetGenericArguments()[0]) });
            });
        }

        static Func<Parser, List<E>> ListOf<E>(Delegate item) { var f = (Func<Parser, E>)item; return p => ReadList(p, f); }
        static Func<Parser, U?> NullableOf<U>(Delegate item) where U : struct { var f = (Func<Parser, U>)item; return p => p.TakeNull() ? (U?)null : f(p); }

        // ---------------------------------------------------------------- the tolerant primitives

        internal static string ReadString(Parser p)
        {
            var v = p.Value();
            if (v == null || v is string) return (string)v;
            if (v is bool) return (bool)v ? "true" : "false";
            return v is JsonNumber ? ((JsonNumber)v).Text : Write(v);
        }

        internal static bool ReadBool(Parser p)
        {
            var v = p.Value();
            if (v is bool) return (bool)v;
            bool b;
            if (v is string) return bool.TryParse((string)v, out b) && b;
            return v is JsonNumber && Number(((JsonNumber)v).Text) != 0;
        }

        internal static long ReadLong(Parser p)
        {
            long l;
            if (p.Integer(out l)) return l;
            var text = p.NumberText();
            if (text == null) return 0;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l)) return l;
            double d = Number(text);
            return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out l) ? l : (long)d;
        }

        internal static int ReadInt(Parser p) { return (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, ReadLong(p))); }
        internal static double ReadDouble(Parser p) { var t = p.NumberText(); return t == null ? 0 : Number(t); }
        internal static long? ReadLongOrNull(Parser p) { return p.TakeNull() ? (long?)null : ReadLong(p); }
        internal static int? ReadIntOrNull(Parser p) { return p.TakeNull() ? (int?)null : ReadInt(p); }
        internal static bool? ReadBoolOrNull(Parser p) { return p.TakeNull() ? (bool?)null : ReadBool(p); }
        internal static JsonObject ReadObject(Parser p) { return p.Value() as JsonObject; }
        internal static object ReadValue(Parser p) { return p.Value(); }

        static double Number(string text)
        { double d; return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : 0; }

        /// <summary>A list; one value where a list was expected is a list of one; null stays null.</summary>
        internal static List<E> ReadList<E>(Parser p, Func<Parser, E> item)
        {
            if (p.TakeNull()) return null;
            var list = new List<E>();
            if (p.Next(true) != '[') { list.Add(item(p)); return list; }
            p.Pos++;
            if (p.Next(true) == ']') { p.Pos++; return list; }
            do list.Add(item(p)); while (p.Comma(']'));
            return list;
        }

        /// <summary>A name as fields and enum values are matched: lower case, no '_' or ' '.</summary>
        internal static string Fold(string name)
        {
            var sb = new StringBuilder(name.Length);
            foreach (char c in name) if (c != '_' && c != ' ') sb.Append(char.ToLowerInvariant(c));
            return sb.ToString();
        }

        /// <summary>The folded text of an enum value (a name or a number); null for null.</summary>
        internal static string EnumText(Parser p)
        {
            if (p.Next(true) == '"') return p.Folded();
            var v = p.Value();
            return v == null ? null : Fold(v is bool ? ((bool)v ? "True" : "False") : v.ToString());
        }

        /// <summary>An enum value's number, when its text is one.</summary>
        internal static bool EnumNumber(string text, out long n)
        { return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out n); }

        // ---------------------------------------------------------------- writing

        /// <summary>Writes a value (JSON tree, SDK object, string, number, bool, enum, list, dictionary) as JSON text.</summary>
        public static string Write(object value)
        {
            var sb = new StringBuilder(256);
            WriteTo(sb, value);
            return sb.ToString();
        }

        internal static void WriteString(StringBuilder sb, string s)
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
            sb.Append(s, from, s.Length - from).Append('"');
        }

        internal static void WriteTo(StringBuilder sb, object v)
        {
            var model = v as AemModel;
            if (model != null) { var w = new ObjectWriter(sb); model.WriteJson(w); w.End(model.Raw); return; }
            if (v == null) sb.Append("null");
            else if (v is string) WriteString(sb, (string)v);
            else if (v is bool) sb.Append((bool)v ? "true" : "false");
            else if (v is JsonNumber) sb.Append(((JsonNumber)v).Text);
            else if (v is Enum) WriteString(sb, EnumWire(v) ?? Convert.ToInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            else if (v is double || v is float || v is decimal) sb.Append(Convert.ToDouble(v, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
            else if (v is IConvertible && !(v is char)) sb.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
            else if (v is IDictionary)
            {
                var w = new ObjectWriter(sb);
                foreach (DictionaryEntry e in (IDictionary)v) w.Field(e.Key.ToString(), e.Value, true);
                w.End(null);
            }
            else if (v is IEnumerable)
            {
                sb.Append('[');
                bool first = true;
                foreach (var e in (IEnumerable)v) { if (!first) sb.Append(','); first = false; WriteTo(sb, e); }
                sb.Append(']');
            }
            else throw new NotSupportedException("Json: cannot write " + v.GetType());
        }

        /// <summary>Writes one object's fields; then, from its Raw, those no written field reads
        /// (so an answer can be edited and put back).</summary>
        internal sealed class ObjectWriter
        {
            readonly StringBuilder sb;
            bool[] claimed; // by the numbers of the names the written fields read
            bool any;
            public ObjectWriter(StringBuilder sb) { this.sb = sb; sb.Append('{'); }

            /// <summary>A field, unless it is null or an enum value not defined (unknown: Raw keeps its text).</summary>
            public void Field(string wire, object value, bool always, params int[] claims)
            {
                if (!always && (value == null || (value is Enum && EnumWire(value) == null))) return;
                if (any) sb.Append(',');
                any = true;
                WriteString(sb, wire);
                sb.Append(':');
                WriteTo(sb, value);
                if (claims.Length > 0 && claimed == null) claimed = new bool[KeyIds.Count];
                foreach (var c in claims) claimed[c] = true;
            }

            public void End(JsonObject raw)
            {
                if (raw != null)
                    foreach (var e in raw)
                    {
                        int id = Parser.IdOf(e.Key);
                        if (claimed == null || id < 0 || !claimed[id]) Field(e.Key, e.Value, true);
                    }
                sb.Append('}');
            }
        }
    }

    /// <summary>Base of every answer and request class: the JSON object it was read from.</summary>
    public abstract class AemModel
    {
        JsonObject raw;
        volatile string text; // the object's text, parsed into Raw on first use
        int start, end;

        /// <summary>The object as received, with fields this SDK does not model and the text of unknown enum values.</summary>
        public JsonObject Raw
        {
            get
            {
                lock (this)
                {
                    if (text != null) { raw = new Json.Parser(text, start, end).Value() as JsonObject; text = null; }
                    return raw;
                }
            }
            set { lock (this) { raw = value; text = null; } }
        }

        internal void SetSource(string json, int from, int to) { raw = null; start = from; end = to; text = json; }

        /// <summary>Writes the modelled fields (generated per class).</summary>
        internal abstract void WriteJson(Json.ObjectWriter w);
    }
}
