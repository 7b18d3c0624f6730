/// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json and checked by a
/// validator in scripts/test. Keep it in step with APIController and CampaignAPIController.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Youjiao API",
        "version": "1.0.0",
        "description": "Registry of districts, schools and pupils, and the school-entry campaigns (入学招生). Every call is checked against the caller's scope (city, district, school, guardian). National ID numbers are always masked (first 6 and last 4 characters). Staff reads of pupils are audited."
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
              "429": {"$ref": "#/components/responses/Error"},
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
              "429": {"$ref": "#/components/responses/Error"},
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
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000}},
              {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}
            ],
            "responses": {
              "200": {"description": "A page of schools", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SchoolPage"}}}},
              "400": {"$ref": "#/components/responses/BadPage"},
              "401": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"},
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
              "429": {"$ref": "#/components/responses/Error"},
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
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000}},
              {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}
            ],
            "responses": {
              "200": {"description": "A page of pupils", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StudentPage"}}}},
              "400": {"$ref": "#/components/responses/BadPage"},
              "401": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"},
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
              "429": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/campaigns": {
          "get": {
            "summary": "Enrollment campaigns in the caller's scope",
            "description": "City admins: every campaign; district admins: their district's and the city-wide ones; school admins: published campaigns covering their school; guardians: campaigns open to families (not drafts).",
            "operationId": "listCampaigns",
            "responses": {
              "200": {"description": "Campaigns", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Campaign"}}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/campaigns/{id}": {
          "get": {
            "summary": "One campaign: status, list hash, seed and per-route counts after the draw",
            "description": "The beacon value, notary secret and seed appear once drawn for the staff who see the campaign and once published for everyone who may read it. Staff also get the applications and the seats per school of their view; a district admin reading a city-wide campaign gets their district's figures only (figuresFor).",
            "operationId": "getCampaign",
            "parameters": [{"$ref": "#/components/parameters/CampaignID"}],
            "responses": {
              "200": {"description": "The campaign", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Campaign"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/campaigns/{id}/results": {
          "get": {
            "summary": "The draw's placements (staff; pseudonymous applicant ids, no personal data)",
            "description": "City admins: all; district admins: children of their district and placements at its schools; school admins: their school's, once published. Empty before the draw.",
            "operationId": "listCampaignResults",
            "parameters": [
              {"$ref": "#/components/parameters/CampaignID"},
              {"name": "school", "in": "query", "description": "only this school's placements (10-digit id, in the caller's scope)", "schema": {"type": "string", "pattern": "^[0-9]{10}$"}},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000000, "default": 1}},
              {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 5000, "default": 500}}
            ],
            "responses": {
              "200": {"description": "A page of placements in applicant id order", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CampaignResultPage"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "401": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/campaigns/{id}/students/{student}/result": {
          "get": {
            "summary": "A guardian's own child: the application and, once published, the result with its reason",
            "operationId": "getChildResult",
            "parameters": [
              {"$ref": "#/components/parameters/CampaignID"},
              {"name": "student", "in": "path", "required": true, "description": "the child's registry id (from /api/v1/students)", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"description": "The child's application and result", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChildResult"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/api/v1/campaigns/{id}/files/{file}": {
          "get": {
            "summary": "A published file, byte for byte what `youjiao enroll verify` reads (no sign-in needed)",
            "description": "schools.csv and applicants.csv once the list is frozen, results.csv once published. A bearer token, when one is sent, is still checked: unknown or expired gives 401, one of the registry:read scope 403.",
            "operationId": "getCampaignFile",
            "security": [],
            "parameters": [
              {"$ref": "#/components/parameters/CampaignID"},
              {"name": "file", "in": "path", "required": true, "schema": {"type": "string", "enum": ["schools.csv", "applicants.csv", "results.csv"]}}
            ],
            "responses": {
              "200": {"description": "The CSV file (UTF-8, no BOM)", "content": {"text/csv": {"schema": {"type": "string"}}}},
              "401": {"$ref": "#/components/responses/Error"},
              "429": {"$ref": "#/components/responses/Error"},
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
          "SchoolID": {"name": "id", "in": "path", "required": true, "description": "10-digit 学校标识码", "schema": {"type": "string", "pattern": "^[0-9]{10}$"}},
          "CampaignID": {"name": "id", "in": "path", "required": true, "description": "campaign id, e.g. 2026-g1-310101-3f2a", "schema": {"type": "string"}}
        },
        "responses": {
          "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
          "BadPage": {"description": "page or per_page is not a whole number or is out of range (error.field names which)", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
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
            "type": "object", "required": ["id", "nationalIdMasked", "name", "gender", "birthYear", "hukou"],
            "properties": {
              "id": {"type": "string"},
              "nationalIdMasked": {"type": "string", "description": "first 6 and last 4 characters kept", "pattern": "^[0-9]{6}\\*{8}[0-9]{3}[0-9X]$"},
              "name": {"type": "string"}, "gender": {"type": "string", "enum": ["1", "2"]},
              "birthYear": {"type": ["integer", "null"], "description": "the year only: the full date is the masked part of the ID number"}, "hukou": {"type": "string", "enum": ["local", "non-local"]},
              "zone": {"type": ["string", "null"]}, "school": {"type": ["string", "null"]},
              "grade": {"type": ["string", "null"]}, "classNumber": {"type": ["integer", "null"]}
            }
          },
          "StudentPage": {
            "type": "object", "required": ["items", "total", "page", "perPage"],
            "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Student"}},
              "total": {"type": "integer"}, "page": {"type": "integer"}, "perPage": {"type": "integer"}}
          },
          "RouteCounts": {
            "type": "object", "required": ["private", "catchment", "coordinated", "unplaced"],
            "properties": {"private": {"type": "integer"}, "catchment": {"type": "integer"}, "coordinated": {"type": "integer"}, "unplaced": {"type": "integer"}}
          },
          "Campaign": {
            "type": "object",
            "required": ["id", "year", "grade", "opensOn", "closesOn", "status", "beaconRound", "notaryCommitment"],
            "properties": {
              "id": {"type": "string"}, "year": {"type": "integer", "description": "school year entered (2026 = 2026–27)"},
              "grade": {"type": "string", "enum": ["K1", "1", "6"]},
              "district": {"type": "string", "description": "GB/T 2260 code; absent for a city-wide campaign"},
              "opensOn": {"type": "string", "format": "date"}, "closesOn": {"type": "string", "format": "date"},
              "status": {"type": "string", "enum": ["draft", "open", "frozen", "drawn", "published"]},
              "beaconRound": {"type": "string"}, "notaryCommitment": {"type": "string", "description": "SHA-256 (hex) of the notary's secret"},
              "listHash": {"type": "string", "description": "SHA-256 of the frozen applicant list"},
              "beaconValue": {"type": "string"}, "notarySecret": {"type": "string"},
              "seed": {"type": "string", "description": "SHA-256(beacon value ‖ notary secret ‖ list hash), 64 hex digits"},
              "figuresFor": {"type": "string", "description": "the district the figures cover when the caller sees only part of a city-wide campaign"},
              "applications": {"type": "integer"},
              "routes": {"$ref": "#/components/schemas/RouteCounts"},
              "coordinatedTotalDistanceM": {"type": "integer"}, "coordinatedOptimalTotalDistanceM": {"type": "integer"},
              "schools": {"type": "array", "items": {"type": "object", "required": ["id", "name", "district", "ownership", "seats"], "properties": {
                "id": {"type": "string"}, "name": {"type": "string"}, "district": {"type": "string"},
                "ownership": {"type": "string", "enum": ["public", "private"]}, "seats": {"type": "integer"},
                "applicants": {"type": "integer"}, "admitted": {"type": "integer"}, "lastAdmittedLottery": {"type": "string"}}}}
            }
          },
          "CampaignResult": {
            "type": "object", "required": ["applicantId", "district", "route", "lottery"],
            "properties": {
              "applicantId": {"type": "string", "description": "pseudonymous, as in applicants.csv"},
              "district": {"type": "string", "description": "the applicant's district"},
              "schoolId": {"type": "string", "description": "absent when unplaced"},
              "route": {"type": "string", "enum": ["private", "catchment", "coordinated", "unplaced"]},
              "choiceRank": {"type": "integer"}, "distanceM": {"type": "integer"},
              "lottery": {"type": "string", "pattern": "^[0-9a-f]{16}$"}
            }
          },
          "CampaignResultPage": {
            "type": "object", "required": ["items", "total", "page", "perPage"],
            "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CampaignResult"}},
              "total": {"type": "integer"}, "page": {"type": "integer"}, "perPage": {"type": "integer"}}
          },
          "ChildResult": {
            "type": "object", "required": ["campaignId", "studentId", "applicantId", "campaignStatus"],
            "properties": {
              "campaignId": {"type": "string"}, "studentId": {"type": "string"}, "applicantId": {"type": "string"},
              "campaignStatus": {"type": "string", "enum": ["draft", "open", "frozen", "drawn", "published"]},
              "result": {"type": "object", "description": "present once the results are published",
                "required": ["route", "lottery", "reason"],
                "properties": {
                  "schoolId": {"type": "string"}, "schoolName": {"type": "string"},
                  "route": {"type": "string", "enum": ["private", "catchment", "coordinated", "unplaced"]},
                  "choiceRank": {"type": "integer"}, "distanceM": {"type": "integer"},
                  "lottery": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
                  "reason": {"type": "object", "required": ["zh", "en"], "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}}
                }}
            }
          }
        }
      }
    }
    """#
}
