// The JSON tokenizer under Json: values as trees, and the steps the generated readers
// take through an object (keys folded as Json.Fold does, values skipped unbuilt).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Qlik.EnterpriseManager.Client
{
    public static partial class Json
    {
        /// <summary>What FirstKey and NextKey answer at the end of an object.</summary>
        internal const int End = -2;

        /// <summary>A field's folded name as its number in the generated readers' table; -1
        /// for a name no class reads.</summary>
        internal static int KeyId(string folded)
        {
            int id;
            return KeyIds.TryGetValue(folded, out id) ? id : -1;
        }

        internal sealed class Parser
        {
            readonly string s;
            readonly int end;
            public int Pos;
            public Parser(string text, int start, int stop) { s = text; Pos = start; end = stop; }
            public string Text { get { return s; } }

            public FormatException Fail(string what) { return new FormatException("JSON: " + what + " at " + Pos); }

            /// <summary>The next significant character, not consumed; '\0' at the end unless one is required.</summary>
            public char Next(bool required)
            {
                // Locals: Mono's JIT keeps fields in memory.
                var str = s;
                int i = Pos, e = end;
                if (i < e && str[i] > ' ' && str[i] < 128) return str[i]; // no whitespace: the usual case
                while (i < e && (str[i] == ' ' || str[i] == '\n' || str[i] == '\r' || str[i] == '\t' || (str[i] > 127 && char.IsWhiteSpace(str[i])))) i++;
                Pos = i;
                if (i < e) return str[i];
                if (required) throw Fail("unexpected end");
                return '\0';
            }

            void Expect(char c) { if (Next(true) != c) throw Fail("'" + c + "' expected"); Pos++; }

            /// <summary>After an item: true past a ',', false past the closing bracket.</summary>
            public bool Comma(char close)
            {
                char c = Next(true);
                Pos++;
                if (c == ',') return true;
                if (c == close) return false;
                Pos--;
                throw Fail("',' expected");
            }

            void Word(string w)
            {
                if (string.CompareOrdinal(s, Pos, w, 0, w.Length) != 0 || Pos + w.Length > end) throw Fail("bad token");
                Pos += w.Length;
            }

            public bool TakeNull()
            {
                if (Next(true) != 'n') return false;
                Word("null");
                return true;
            }

            public object Value()
            {
                char c = Next(true);
                switch (c)
                {
                    case '{':
                        {
                            var o = new JsonObject();
                            Pos++;
                            if (Next(true) == '}') { Pos++; return o; }
                            do { if (Next(true) != '"') throw Fail("string expected"); var k = Str(); Expect(':'); o[k] = Value(); } while (Comma('}'));
                            return o;
                        }
                    case '[':
                        {
                            var a = new List<object>();
                            Pos++;
                            if (Next(true) == ']') { Pos++; return a; }
                            do a.Add(Value()); while (Comma(']'));
                            return a;
                        }
                    case '"': return Str();
                    case 't': Word("true"); return true;
                    case 'f': Word("false"); return false;
                    case 'n': Word("null"); return null;
                }
                int start = Pos;
                while (Pos < end && ("0123456789+-.eE".IndexOf(s[Pos]) >= 0)) Pos++;
                if (Pos == start) throw Fail("unexpected '" + c + "'");
                return new JsonNumber(s.Substring(start, Pos - start));
            }

            /// <summary>A plain integer (the usual number), consumed; false, with nothing consumed, for anything else.</summary>
            public bool Integer(out long value)
            {
                value = 0;
                char c = Next(true);
                if (c != '-' && (c < '0' || c > '9')) return false;
                var str = s;
                int i = Pos, e = end;
                bool neg = str[i] == '-';
                int first = neg ? ++i : i;
                while (i < e && str[i] >= '0' && str[i] <= '9' && i - first < 18) value = value * 10 + (str[i++] - '0');
                if (i == first || (i < e && "0123456789.eE+-".IndexOf(str[i]) >= 0)) { value = 0; return false; }
                if (neg) value = -value;
                Pos = i;
                return true;
            }

            /// <summary>A number's or a string's text; null (the value passed over) for anything else.</summary>
            public string NumberText()
            {
                char c = Next(true);
                if (c == '"') return Str();
                if (c == '-' || (c >= '0' && c <= '9')) return ((JsonNumber)Value()).Text;
                Skip();
                return null;
            }

            /// <summary>Passes over one value without building it.</summary>
            public void Skip()
            {
                char c = Next(true);
                if (c != '{' && c != '[') { if (c == '"') SkipString(); else Value(); return; }
                for (int depth = 0; Pos < end;)
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
                for (Pos++; Pos < end;)
                {
                    char c = s[Pos++];
                    if (c == '"') return;
                    if (c == '\\') Pos++;
                }
                throw Fail("unexpected end");
            }

            // Short strings repeat from one answer to the next (field names, most values): one
            // instance of each is kept in a small table (a slot holds the last text hashed to
            // it, with its folded form and, for a field's name, its number), so reading them
            // allocates nothing. Slots are immutable: a race only costs a fresh copy.
            sealed class Known { public string Text, Folded; public int Id; }
            static readonly Known[] shared = new Known[2048];

            /// <summary>A string without escapes at Pos (its quotes included), from the table;
            /// null (nothing consumed) for a long or escaped one.</summary>
            Known Shared()
            {
                var str = s;
                int start = Pos + 1, i = start, e = end, hash = 0;
                while (i < e && str[i] != '"' && str[i] != '\\' && i - start <= 48) hash = hash * 31 + str[i++];
                if (i >= e || str[i] != '"') return null;
                int len = i - start, slot = (hash ^ (hash >> 11) ^ len) & (shared.Length - 1);
                var hit = Volatile.Read(ref shared[slot]);
                if (hit == null || hit.Text.Length != len || string.CompareOrdinal(str, start, hit.Text, 0, len) != 0)
                {
                    var text = str.Substring(start, len);
                    hit = new Known { Text = text, Folded = Fold(text) };
                    hit.Id = KeyId(hit.Folded);
                    Volatile.Write(ref shared[slot], hit);
                }
                Pos = i + 1;
                return hit;
            }

            /// <summary>The number of a field's name (see KeyId), from the table when it was read.</summary>
            public static int IdOf(string key)
            {
                int hash = 0;
                foreach (char c in key) hash = hash * 31 + c;
                var hit = Volatile.Read(ref shared[(hash ^ (hash >> 11) ^ key.Length) & (shared.Length - 1)]);
                return hit != null && hit.Text == key ? hit.Id : KeyId(Fold(key));
            }

            /// <summary>A string's folded text (see Json.Fold).</summary>
            public string Folded()
            {
                var hit = Shared();
                return hit != null ? hit.Folded : Fold(Str());
            }

            string Str()
            {
                var hit = Shared();
                if (hit != null) return hit.Text;
                int start = ++Pos;
                while (Pos < end && s[Pos] != '"' && s[Pos] != '\\') Pos++;
                if (Pos < end && s[Pos] == '"') return s.Substring(start, Pos++ - start); // no escape
                var sb = new StringBuilder(s, start, Pos - start, Pos - start + 16);
                while (true)
                {
                    if (Pos >= end) throw Fail("unexpected end");
                    char c = s[Pos++];
                    if (c == '"') return sb.ToString();
                    if (c != '\\') { sb.Append(c); continue; }
                    if (Pos >= end) throw Fail("unexpected end");
                    char e = s[Pos++];
                    int code;
                    switch (e)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'u':
                            if (Pos + 4 > end || !int.TryParse(s.Substring(Pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
                                throw Fail("bad \\u escape");
                            sb.Append((char)code);
                            Pos += 4;
                            break;
                        default: sb.Append(e); break;
                    }
                }
            }

            /// <summary>Past an object's '{': where it starts; -1 (the value passed over) for anything else.</summary>
            public int Begin()
            {
                if (Next(true) != '{') { Skip(); return -1; }
                return Pos++;
            }

            /// <summary>The number of the first key of an object just begun (see Json.KeyId);
            /// Json.End for an empty object.</summary>
            public int FirstKey()
            {
                if (Next(true) != '}') return Key();
                Pos++;
                return End;
            }

            /// <summary>The number of the next key after a value; Json.End past the object's '}'.</summary>
            public int NextKey() { return Comma('}') ? Key() : End; }

            int Key()
            {
                if (Next(true) != '"') throw Fail("string expected");
                var hit = Shared();
                int id = hit != null ? hit.Id : KeyId(Fold(Str()));
                Expect(':');
                return id;
            }

            /// <summary>Whether a spelling of rank `rank` may set a field whose best so far is `best`
            /// (a lower rank wins; a null only stands where no spelling has a value); notes it if so.</summary>
            public bool Claim(ref int best, int rank)
            {
                if (Next(true) == 'n') rank += 100000;
                if (rank > best) return false;
                best = rank;
                return true;
            }

            /// <summary>The class an object's "$type" names, lower case, without namespace or
            /// assembly; null if none. The parser stays where it was (at the '{').</summary>
            public string TypeAhead()
            {
                int at = Pos;
                try
                {
                    if (Next(true) != '{') return null;
                    Pos++;
                    for (int k = FirstKey(); k != End; k = NextKey())
                    {
                        if (k != TypeKey || Next(true) != '"') { Skip(); continue; }
                        var name = Str();
                        int comma = name.IndexOf(',');
                        if (comma >= 0) name = name.Substring(0, comma);
                        return name.Substring(name.LastIndexOf('.') + 1).Trim().ToLowerInvariant();
                    }
                    return null;
                }
                catch (FormatException) { return null; }
                finally { Pos = at; }
            }
        }
    }
}
