"""Links and images resolved like GitHub's preview, rewritten relative to the page."""

from __future__ import annotations

import posixpath
from pathlib import Path

import markdown
import pytest
from markdown.test_tools import TestCase

from sitegen.errors import SourceError
from sitegen.markdown_ext.links import LinkExtension, LinkResolver, relative_url, split_srcset
from sitegen.markdown_ext.page_context import PageContext

CONTENT = Path("/site/content")  # never read: existence comes from the resolver's lists
RESOLVER = LinkResolver(
    CONTENT,
    post_urls={CONTENT / "posts/a.md": "posts/a/", CONTENT / "posts/b.md": "posts/b/",
               CONTENT / "notes/deep/c.md": "posts/c/"},
    assets={"images/a.png", "images/a@2x.png", "data/titanic.csv"},
    generated={"tags/", "feed.xml"},
)


class TestLinksFromAPost(TestCase):
    default_kwargs = {
        "extensions": [LinkExtension(RESOLVER, PageContext(CONTENT / "posts/a.md", "posts/a/"))]
    }

    def test_image_relative_to_the_source_folder(self):
        self.assertMarkdownRenders(
            "![a plot](../images/a.png)",
            '<p><img alt="a plot" src="../../images/a.png" /></p>',
        )

    def test_link_to_another_posts_markdown_keeps_the_fragment(self):
        self.assertMarkdownRenders(
            "[b](b.md#part) and [again](../posts/b.md) and [me](a.md#top)",
            '<p><a href="../b/#part">b</a> and <a href="../b/">again</a>'
            ' and <a href="./#top">me</a></p>',
        )

    def test_root_absolute_is_read_from_the_content_root(self):
        self.assertMarkdownRenders(
            "![a](/images/a.png) [data](/data/titanic.csv?v=2#row) [home](/) [b](/posts/b/)"
            " [tags](/tags/) [feed](/feed.xml)",
            '<p><img alt="a" src="../../images/a.png" />'
            ' <a href="../../data/titanic.csv?v=2#row">data</a>'
            ' <a href="../../">home</a> <a href="../b/">b</a>'
            ' <a href="../../tags/">tags</a> <a href="../../feed.xml">feed</a></p>',
        )

    def test_external_urls_are_left_alone(self):
        self.assertMarkdownRenders(
            "[w](https://example.org/a.md) [m](mailto:x@example.org) "
            "![p](//cdn.example.org/a.png) ![d](data:image/png;base64,AA==)",
            '<p><a href="https://example.org/a.md">w</a>'
            ' <a href="mailto:x@example.org">m</a>'
            ' <img alt="p" src="//cdn.example.org/a.png" />'
            ' <img alt="d" src="data:image/png;base64,AA==" /></p>',
        )

    def test_fragments_are_left_alone(self):
        self.assertMarkdownRenders("[up](#intro)", '<p><a href="#intro">up</a></p>')

    def test_reference_style_links(self):
        self.assertMarkdownRenders(
            "See [b][].\n\n[b]: b.md",
            '<p>See <a href="../b/">b</a>.</p>',
        )

    def test_raw_html_block_and_inline(self):
        self.assertMarkdownRenders(
            '<figure>\n<img src="../images/a.png" alt=\'x\' '
            'srcset="../images/a.png 1x, ../images/a@2x.png 2x">\n'
            '<figcaption><a href=b.md>b</a></figcaption>\n</figure>\n\n'
            'Inline <img src="/images/a.png"> too.',
            '<figure>\n<img src="../../images/a.png" alt=\'x\' '
            'srcset="../../images/a.png 1x, ../../images/a@2x.png 2x">\n'
            '<figcaption><a href="../b/">b</a></figcaption>\n</figure>\n\n'
            '<p>Inline <img src="../../images/a.png"> too.</p>',
        )

    def test_raw_html_keeps_escaped_queries(self):
        self.assertMarkdownRenders(
            '<p><a href="../data/titanic.csv?a=1&amp;b=2">csv</a></p>',
            '<p><a href="../../data/titanic.csv?a=1&amp;b=2">csv</a></p>',
        )


class TestMarkdownInHtml(TestCase):
    default_kwargs = {
        "extensions": ["md_in_html",
                       LinkExtension(RESOLVER, PageContext(CONTENT / "posts/a.md", "posts/a/"))]
    }

    def test_markdown_inside_html_and_html_kept_as_elements(self):
        self.assertMarkdownRenders(
            '<div markdown="1">\n[b](b.md)\n<p markdown="0"><a href="b.md">raw</a></p>\n</div>',
            '<div>\n<p><a href="../b/">b</a></p>\n<p><a href="../b/">raw</a></p>\n</div>',
        )


class TestLinksFromADeeperSource(TestCase):
    """The source folder and the page URL differ: content/notes/deep/c.md is posts/c/."""

    default_kwargs = {
        "extensions": [
            LinkExtension(RESOLVER, PageContext(CONTENT / "notes/deep/c.md", "posts/c/"))]
    }

    def test_resolved_against_the_source_written_against_the_url(self):
        self.assertMarkdownRenders(
            "![a](../../images/a.png) [a](../../posts/a.md)",
            '<p><img alt="a" src="../../images/a.png" /> <a href="../a/">a</a></p>',
        )


class TestWithoutAPage(TestCase):
    default_kwargs = {"extensions": [LinkExtension(RESOLVER)]}

    def test_a_snippet_is_left_as_written(self):
        self.assertMarkdownRenders("[b](b.md)", '<p><a href="b.md">b</a></p>')


def render(body: str, first_line: int = 1, resolver: LinkResolver = RESOLVER,
           source: Path = CONTENT / "posts/a.md") -> str:
    """What the build does per page: reset, then say where the body is from."""
    page = PageContext(source, "posts/a/", first_line)
    md = markdown.Markdown(extensions=["md_in_html", "toc", LinkExtension(resolver, page)])
    return md.convert(body)


def test_missing_image_points_at_its_line():
    with pytest.raises(SourceError) as info:
        render("# Title\n\nIntro.\n\n![plot](../images/gone.png)\n", first_line=5)
    assert info.value.line == 9
    assert info.value.message == (
        "missing image: '../images/gone.png' (there is no file content/images/gone.png)"
    )


def test_broken_link_to_a_post_points_at_its_line():
    with pytest.raises(SourceError) as info:
        render("Text.\n\n- one\n- see [this](nope.md#part)\n", first_line=3)
    assert info.value.line == 6
    assert info.value.message.startswith("broken link: 'nope.md#part' (there is no post")


def test_broken_reference_definition_points_at_the_definition():
    with pytest.raises(SourceError) as info:
        render("See [x][].\n\nMore.\n\n[x]: ../images/none.png\n", first_line=2)
    assert info.value.line == 6 and info.value.message.startswith("broken link:")


def test_missing_image_in_raw_html_points_at_its_line():
    with pytest.raises(SourceError) as info:
        render("Text.\n\n<figure>\n  <img src='../images/gone.png'>\n</figure>\n", first_line=4)
    assert info.value.line == 7 and info.value.message.startswith("missing image:")


def test_link_outside_the_content_folder():
    with pytest.raises(SourceError, match="outside the content folder"):
        render("[readme](../../README.md)")


def test_a_draft_or_an_uncopied_file_says_so(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for name in ("posts/a.md", "posts/draft.md", "site.yml"):
        (content / name).write_text("x")
    resolver = LinkResolver(content, {content / "posts/a.md": "posts/a/"}, set())
    with pytest.raises(SourceError, match="content/posts/draft.md is not a published post"):
        render("[d](draft.md)", resolver=resolver, source=content / "posts/a.md")
    with pytest.raises(SourceError, match="content/site.yml is not copied"):
        render("[s](/site.yml)", resolver=resolver, source=content / "posts/a.md")


def test_case_matters_as_it_does_on_github_pages():
    with pytest.raises(SourceError, match="missing image"):
        render("![a](../images/A.png)")


@pytest.mark.parametrize("target", ["images/a.png", "posts/b/", "posts/a/", "", "posts/a/x.csv",
                                    "data/titanic.csv"])
@pytest.mark.parametrize("page", ["posts/a/", "", "tags/x/y/"])
def test_relative_url_agrees_with_posixpath(target, page):
    expected = posixpath.relpath(target or ".", page or ".")
    expected += "/" if target.endswith("/") or not target else ""
    assert relative_url(target, page) == expected


def test_srcset_is_split_like_a_browser():
    assert split_srcset("a.png 1x, data:image/png;base64,A,B 2x,c.png") == [
        ("a.png", "1x"), ("data:image/png;base64,A,B", "2x"), ("c.png", ""),
    ]


def test_elements_left_in_the_stash_are_rewritten_too():
    """md_in_html may stash an element rather than a string; it is serialized later."""
    import xml.etree.ElementTree as etree

    page = PageContext(CONTENT / "posts/a.md", "posts/a/")
    md = markdown.Markdown(extensions=["md_in_html", LinkExtension(RESOLVER, page)])
    div = etree.Element("div")
    etree.SubElement(div, "img", src="../images/a.png")
    placeholder = md.htmlStash.store(div)
    md.treeprocessors["nnpress_links"].run(etree.Element("div"))
    assert md.htmlStash.rawHtmlBlocks[0] is div and div[0].get("src") == "../../images/a.png"
    assert placeholder


def test_the_fingerprint_changes_with_what_links_resolve_against():
    import pickle

    same = LinkResolver(CONTENT, dict(RESOLVER.post_urls), set(RESOLVER.assets),
                        set(RESOLVER.generated))
    assert same.fingerprint() == RESOLVER.fingerprint()
    fewer = LinkResolver(CONTENT, RESOLVER.post_urls, RESOLVER.assets - {"images/a.png"})
    assert fewer.fingerprint() != RESOLVER.fingerprint()
    moved = LinkResolver(CONTENT, RESOLVER.post_urls | {CONTENT / "posts/b.md": "posts/bee/"},
                         RESOLVER.assets, RESOLVER.generated)
    assert moved.fingerprint() != RESOLVER.fingerprint()
    assert pickle.loads(pickle.dumps(RESOLVER)).fingerprint() == RESOLVER.fingerprint()
