"""Every Wagtail page served shows itself and its list of children: tag the response with both."""

from wagtail import hooks

from .cache_tags import add_cache_tags, children_tag, page_tag


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs):
    add_cache_tags(request, page_tag(page), children_tag(page))
