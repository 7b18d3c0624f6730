/// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and checked by a
/// validator in scripts/test. Keep it in step with APIController.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Youjiao API",
        "version": "1.0.0",
        "description": "Registry of districts, schools and pupils. Every call is checked against the caller's scope (city, district, school, guardian). National ID numbers are always masked (first 6 and last 4 characters). Staff reads of pupils are audited."
      },
      "servers": [{"url": "/"}],
      "security": [{"bearerAuth": []}, {"sessionCookie": []}],
      "paths": {
        "/api/v1/districts": {
          "get": {
            "summary": "Districts in the caller's scope with schools and pupils per stage",
            "operationId": "listDistricts",
            "responses": {
              "200": {"description": "Districts", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/District"}}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/districts/{code}": {
          "get": {
            "summary": "One district",
            "operationId": "getDistrict",
            "parameters": [{"name": "code", "in": "path", "required": true, "description": "GB/T 2260 code", "schema": {"type": "string", "pattern": "^[0-9]{6}$"}}],
            "responses": {
              "200": {"description": "The district", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/District"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/schools": {
          "get": {
            "summary": "School directory in the caller's scope",
            "operationId": "listSchools",
            "parameters": [
              {"name": "district", "in": "query", "schema": {"type": "string"}},
              {"name": "stage", "in": "query", "schema": {"type": "string", "enum": ["kindergarten", "primary", "junior", "senior", "special"]}},
              {"name": "ownership", "in": "query", "schema": {"type": "string", "enum": ["public", "private"]}},
              {"name": "q", "in": "query", "description": "part of the name, or the school id", "schema": {"type": "string"}},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
              {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}
            ],
            "responses": {
              "200": {"description": "A page of schools", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SchoolPage"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/schools/{id}": {
          "get": {
            "summary": "One school",
            "operationId": "getSchool",
            "parameters": [{"$ref": "#/components/parameters/SchoolID"}],
            "responses": {
              "200": {"description": "The school", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/School"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/schools/{id}/students": {
          "get": {
            "summary": "Pupils of a school (staff in scope; audited)",
            "operationId": "listSchoolStudents",
            "parameters": [
              {"$ref": "#/components/parameters/SchoolID"},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
              {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}
            ],
            "responses": {
              "200": {"description": "A page of pupils", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StudentPage"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/students/{id}": {
          "get": {
            "summary": "One pupil (staff in scope or the child's guardian; audited for staff)",
            "operationId": "getStudent",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "responses": {
              "200": {"description": "The pupil", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Student"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        }
      },
      "components": {
        "securitySchemes": {
          "bearerAuth": {"type": "http", "scheme": "bearer", "description": "token from `youjiao token create`"},
          "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "youjiao_session"}
        },
        "parameters": {
          "SchoolID": {"name": "id", "in": "path", "required": true, "description": "10-digit 学校标识码", "schema": {"type": "string", "pattern": "^[0-9]{10}$"}}
        },
        "responses": {
          "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
              "code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"}}}}
          },
          "District": {
            "type": "object", "required": ["code", "name", "zoneKind", "stages"],
            "properties": {
              "code": {"type": "string"}, "name": {"type": "string"},
              "zoneKind": {"type": "string", "enum": ["central", "new-city", "north-south", "outer"]},
              "stages": {"type": "array", "items": {"type": "object", "required": ["stage", "schools", "pupils"], "properties": {
                "stage": {"type": "string"}, "schools": {"type": "integer"}, "pupils": {"type": "integer"}}}}
            }
          },
          "School": {
            "type": "object",
            "required": ["id", "name", "district", "stages", "ownership", "inclusive", "boarding", "entrySeats", "lat", "lon", "schoolGroup", "newQualitySchool", "strengtheningProgramme"],
            "properties": {
              "id": {"type": "string"}, "name": {"type": "string"}, "district": {"type": "string"},
              "stages": {"type": "array", "items": {"type": "string"}},
              "ownership": {"type": "string", "enum": ["public", "private"]},
              "inclusive": {"type": "boolean"}, "boarding": {"type": "boolean"},
              "entrySeats": {"type": "object", "additionalProperties": {"type": "integer"}},
              "lat": {"type": "number"}, "lon": {"type": "number"}, "schoolGroup": {"type": "string"},
              "newQualitySchool": {"type": "boolean"}, "strengtheningProgramme": {"type": "boolean"}
            }
          },
          "SchoolPage": {
            "type": "object", "required": ["items", "total", "page", "perPage"],
            "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/School"}},
              "total": {"type": "integer"}, "page": {"type": "integer"}, "perPage": {"type": "integer"}}
          },
          "Student": {
            "type": "object", "required": ["id", "nationalIdMasked", "name", "gender", "birthDate", "hukou"],
            "properties": {
              "id": {"type": "string"},
              "nationalIdMasked": {"type": "string", "description": "first 6 and last 4 characters kept", "pattern": "^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$"},
              "name": {"type": "string"}, "gender": {"type": "string", "enum": ["1", "2"]},
              "birthDate": {"type": "string", "format": "date"}, "hukou": {"type": "string", "enum": ["local", "non-local"]},
              "zone": {"type": ["string", "null"]}, "school": {"type": ["string", "null"]},
              "grade": {"type": ["string", "null"]}, "classNumber": {"type": ["integer", "null"]}
            }
          },
          "StudentPage": {
            "type": "object", "required": ["items", "total", "page", "perPage"],
            "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Student"}},
              "total": {"type": "integer"}, "page": {"type": "integer"}, "perPage": {"type": "integer"}}
          }
        }
      }
    }
    """#
}
