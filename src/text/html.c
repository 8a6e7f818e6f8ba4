/* Text from an HTML page, through libxml2's forgiving HTML parser: the
 * visible text with block elements on their own lines; scripts, styles,
 * forms and navigation dropped. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/buf.h"
#include "sitrep.h"

static int skipped(const char *name)
{
    static const char *const tags[] = {"script", "style", "noscript", "nav", "footer", "aside", "form", "iframe",
                                       "svg", "button", "select", "template", "head", "object", "embed", "canvas",
                                       "menu", "dialog", NULL};
    for (const char *const *t = tags; *t; t++)
        if (!strcasecmp(name, *t))
            return 1;
    return 0;
}

static int is_block(const char *name)
{
    static const char *const tags[] = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                                       "tr", "table", "article", "section", "blockquote", "pre", "header",
                                       "main", "figure", "figcaption", "dd", "dt", "dl", "hr", "td", "th",
                                       "address", "center", NULL};
    for (const char *const *t = tags; *t; t++)
        if (!strcasecmp(name, *t))
            return 1;
    return 0;
}

static void newline(sr_buf *b)
{
    while (b->len && b->p[b->len - 1] == ' ')
        b->len--;
    if (b->len && b->p[b->len - 1] != '\n')
        sr_buf_putc(b, '\n');
}

static void walk(xmlNode *n, sr_buf *b, int depth)
{
    for (; n; n = n->next) {
        if (depth > 400)
            return; /* absurd nesting: the rest is not prose */
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            if (skipped(name))
                continue;
            int block = is_block(name);
            if (block)
                newline(b);
            walk(n->children, b, depth + 1);
            if (block)
                newline(b);
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *t = (const char *)n->content;
            if (!t)
                continue;
            for (; *t; t++) {
                char ch = *t;
                if (ch == '\n' || ch == '\r' || ch == '\t')
                    ch = ' ';
                if (ch == ' ' && (!b->len || b->p[b->len - 1] == ' ' || b->p[b->len - 1] == '\n'))
                    continue;
                sr_buf_putc(b, ch);
            }
        }
    }
}

static xmlNode *find(xmlNode *n, const char *name, int depth)
{
    for (; n && depth < 64; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name))
            return n;
        xmlNode *c = find(n->children, name, depth + 1);
        if (c)
            return c;
    }
    return NULL;
}

/* The page's declared charset (<meta charset=...> or http-equiv), looked
 * for in its first 2 KB, when it is one libxml2 should convert from; NULL
 * means read the page as UTF-8 (also when nothing is declared: libxml2
 * would then assume Latin-1, which garbles most of today's web). */
static const char *declared_charset(const char *html, size_t len, char *out, size_t cap)
{
    size_t n = len < 2048 ? len : 2048;
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(html + i, "charset=", 8))
            continue;
        size_t j = i + 8;
        while (j < n && (html[j] == '"' || html[j] == '\'' || html[j] == ' '))
            j++;
        size_t k = 0;
        while (j < n && k + 1 < cap &&
               (isalnum((unsigned char)html[j]) || html[j] == '-' || html[j] == '_' || html[j] == ':'))
            out[k++] = html[j++];
        out[k] = 0;
        if (!k || !strcasecmp(out, "utf-8") || !strcasecmp(out, "utf8"))
            return NULL;
        xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(out);
        if (!h)
            return NULL;
        xmlCharEncCloseFunc(h);
        return out;
    }
    return NULL;
}

char *sr_html_to_text(const char *html, size_t len, size_t *out_len, char **title_out)
{
    if (title_out)
        *title_out = NULL;
    if (len > (size_t)0x7fffffff)
        len = 0x7fffffff;
    char cs[32];
    const char *enc = declared_charset(html, len, cs, sizeof cs);
    htmlDocPtr doc = htmlReadMemory(html, (int)len, NULL, enc ? enc : "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT);
    sr_buf b;
    sr_buf_init(&b);
    if (doc) {
        xmlNode *root = xmlDocGetRootElement(doc);
        if (title_out) {
            xmlNode *t = find(root, "title", 0);
            if (t) {
                sr_buf tb;
                sr_buf_init(&tb);
                walk(t->children, &tb, 0);
                if (tb.len && !tb.oom)
                    *title_out = tb.p;
                else
                    sr_buf_free(&tb);
            }
        }
        xmlNode *body = find(root, "body", 0);
        walk(body ? body : root, &b, 0);
        xmlFreeDoc(doc);
    }
    if (b.oom) {
        sr_buf_free(&b);
        free(title_out ? *title_out : NULL);
        if (title_out)
            *title_out = NULL;
        return NULL;
    }
    if (!b.p) {
        b.p = calloc(1, 1);
        if (!b.p)
            return NULL;
    }
    if (out_len)
        *out_len = b.len;
    return b.p;
}
