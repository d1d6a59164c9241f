"""The API lists' pages: 50 rows by default, up to 500 with `page_size` (an integration reading a
year of updates need not make twenty requests)."""

from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
