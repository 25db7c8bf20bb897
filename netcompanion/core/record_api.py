"""One declaration gives a record type its JSON routes: a paged list, create, get, change and delete, each over the
signed-in patient's own records only. How a record is checked and written stays the record type's own: the
declaration names its checks and its service (or action) functions.

The routes are named as the hand-written ones were (``list_entries``, ``get_entry``...) in the router's module, so
operation ids, summaries and URL names stay the same and the OpenAPI document only grows."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from netcompanion.core.api_helpers import Problems, body_problems, patient_of
from netcompanion.core.records import Taken

MAX_LIMIT = 500
MAX_OFFSET = 10**9  # far beyond any one patient's record, and inside every database's integer range


class Page(Schema):
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description=f"How many records to send, 1 to {MAX_LIMIT}.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET,
                        description='How many to skip; the Link header\'s rel="next" gives the next page.')


PAGE_HEADERS = {
    "Link": {"description": 'The next page as <URL>; rel="next" (RFC 8288); not sent with the last page.',
             "schema": {"type": "string"}},
    "X-Total-Count": {"description": "How many records all the pages hold together.", "schema": {"type": "integer"}},
}


def stable(rows: QuerySet) -> QuerySet:
    """The rows in their own order, then by primary key (in the direction of the first key), so that rows that
    tie, such as two results on one day, keep their place and pages neither skip nor repeat one."""
    order = list(rows.query.order_by) or list(rows.model._meta.ordering)
    first = order[0] if order else "pk"
    descending = first.startswith("-") if isinstance(first, str) else getattr(first, "descending", False)
    return rows.order_by(*order, "-pk" if descending else "pk")


def paged(request: HttpRequest, response: HttpResponse, rows: QuerySet, page: Page) -> QuerySet:
    """One page of ``rows``; the headers give the total and, unless this is the last page, the next one."""
    total = rows.count()
    response["X-Total-Count"] = str(total)
    end = page.offset + page.limit
    if end < total:
        query = request.GET.copy()
        query["limit"], query["offset"] = str(page.limit), str(end)
        response["Link"] = f'<{request.build_absolute_uri(f"{request.path}?{query.urlencode()}")}>; rel="next"'
    return rows[page.offset:end]


Checked = tuple[dict | None, Status | None]


def taken_problems(taken: Taken) -> Status:
    """Another request saved in this one's place meanwhile: a 422 naming the field, as the checks would."""
    return body_problems([([field], message) for field, message in taken.problems])


@dataclass
class RecordRoutes:
    """A record type's routes. ``records()`` is what a patient may reach (e.g. the current rows); ``listed(rows,
    filters)`` narrows and orders the list, given the query parameters of the ``filters`` schema (or None).
    ``validate(request, payload, record or None)`` returns the data to write or the 422 to send.
    ``create(patient, by, data)``, ``change(record, by, data)`` (returning the record to send back) and
    ``delete(record, by)`` are plain callables, services or actions; with no ``delete`` there is no delete route.
    ``summaries`` are by "list", "create", "change" and "delete"; a route without one is summed up by its name,
    as ninja does ("Get Entry"). ``module``, ``one`` and ``many`` name the routes ("entries" gives
    ``list_entries``) in the router's module, as if written there."""

    module: str
    one: str
    many: str
    schema_in: type[Schema]
    schema_out: type[Schema]
    records: Callable[[], QuerySet]
    validate: Callable[[HttpRequest, Any, Model | None], Checked]
    create: Callable[[Any, Any, dict], Model]
    change: Callable[[Model, Any, dict], Model]
    delete: Callable[[Model, Any], None] | None
    summaries: dict[str, str]
    filters: type[Schema] | None = None
    listed: Callable[[QuerySet, Any], QuerySet] = lambda rows, filters: rows

    def own(self, request: HttpRequest, code: UUID) -> Model:
        """The patient's own record, or 404: another patient's record is as unknown as a made-up code."""
        return get_object_or_404(self.records(), code=code, patient=patient_of(request))

    def add_to(self, router: Router) -> None:
        """Adds the routes. A route with a fixed path under the same prefix (``/batch``) must be added before:
        ``/{code}`` takes any path segment."""
        schema_in, filter_schema = self.schema_in, self.filters

        def page_of(request, response, filters, page):
            mine = self.records().filter(patient=patient_of(request))
            return paged(request, response, stable(self.listed(mine, filters)), page)

        if filter_schema:
            def list_records(request, response: HttpResponse, filters: Query[filter_schema], page: Query[Page]):
                return page_of(request, response, filters, page)
        else:
            def list_records(request, response: HttpResponse, page: Query[Page]):
                return page_of(request, response, None, page)

        def create_record(request, payload: schema_in):
            patient = patient_of(request)
            data, problems = self.validate(request, payload, None)
            if problems:
                return problems
            try:
                return Status(201, self.create(patient, request.auth, data))
            except Taken as taken:
                return taken_problems(taken)

        def get_record(request, code: UUID):
            return self.own(request, code)

        def change_record(request, code: UUID, payload: schema_in):
            record = self.own(request, code)
            data, problems = self.validate(request, payload, record)
            if problems:
                return problems
            try:
                return self.change(record, request.auth, data)
            except Taken as taken:
                return taken_problems(taken)

        def delete_record(request, code: UUID):
            self.delete(self.own(request, code), request.auth)
            return Status(204, None)

        out, summary = self.schema_out, self.summaries.get
        routes = [
            (router.get, "", list_records, f"list_{self.many}", {
                "response": list[out], "summary": summary("list"),
                "openapi_extra": {"responses": {200: {"headers": PAGE_HEADERS}}}}),
            (router.post, "", create_record, f"create_{self.one}", {
                "response": {201: out, 422: Problems}, "summary": summary("create")}),
            (router.get, "/{code}", get_record, f"get_{self.one}", {"response": out}),
            (router.put, "/{code}", change_record, f"change_{self.one}", {
                "response": {200: out, 422: Problems}, "summary": summary("change")}),
        ]
        if self.delete:
            routes.append((router.delete, "/{code}", delete_record, f"delete_{self.one}", {
                "response": {204: None}, "summary": summary("delete")}))
        for method, path, view, name, options in routes:
            view.__name__ = view.__qualname__ = name
            view.__module__ = self.module
            method(path, **options)(view)
